using System.Globalization;
using System.Text;
using IdentityCrisis.Cli;
using IdentityCrisis.Reports.Export;
using IdentityCrisis.Results;
using IdentityCrisis.Storage;
using IdentityCrisis.Tests.Cli;

namespace IdentityCrisis.Tests.Reports;

public class CsvExportTests
{
    static string WriteSweep(ReportTestFolder dir) =>
        SyntheticSweep.Write(dir["sweep"], SyntheticSweep.Fig3("quick", 1, 3), t => t.Config.Architecture.Depth == 3
            ? FakeTrial.Uniform(0.123456789, 0.5) with { Outcome = TrainingOutcome.Diverged } : FakeTrial.Uniform(0.95, 0.02));

    static Dictionary<string, byte[]> Export(string sweep, string outDir, CultureInfo culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            using var db = ResultsDb.Open(Path.Combine(sweep, ResultsDb.FileName), create: false);
            return CsvExport.Export(db, outDir).ToDictionary(t => t.Table, t => File.ReadAllBytes(t.Path));
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    /// <summary>
    /// A culture that writes 0,5 for 0.5. The project builds with InvariantGlobalization, where
    /// "de-DE" cannot be created, so the decimal comma is set by hand on a copy of the invariant culture.
    /// </summary>
    static CultureInfo DecimalComma()
    {
        var c = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        c.NumberFormat.NumberDecimalSeparator = ",";
        c.NumberFormat.NumberGroupSeparator = ".";
        Assert.Equal("0,5", 0.5.ToString(c));
        return c;
    }

    [Fact]
    public void ExportIsByteIdenticalUnderADecimalCommaCulture()
    {
        using var dir = new ReportTestFolder();
        var sweep = WriteSweep(dir);
        var invariant = Export(sweep, dir["invariant"], CultureInfo.InvariantCulture);
        var comma = Export(sweep, dir["comma"], DecimalComma());
        Assert.Equal(["failures", "figure_images", "layer_maps", "loss_curves", "meta", "probe_scores", "set_scores", "trials"], invariant.Keys.Order());
        foreach (var (table, bytes) in invariant)
            Assert.True(bytes.AsSpan().SequenceEqual(comma[table]), $"{table}.csv differs under a decimal-comma culture");
        Assert.Contains("0.123456789", Encoding.UTF8.GetString(invariant["set_scores"]));
    }

    [Fact]
    public void EveryRecordParsesBackWithNullsEmptyAndNumbersRoundTripping()
    {
        using var dir = new ReportTestFolder();
        var sweep = WriteSweep(dir);
        var files = Export(sweep, dir["csv"], CultureInfo.InvariantCulture);
        using var db = ResultsDb.Open(Path.Combine(sweep, ResultsDb.FileName), create: false);
        foreach (var (table, bytes) in files)
        {
            var records = Parse(Encoding.UTF8.GetString(bytes));
            var (columns, rows) = db.Query($"SELECT * FROM {table} ORDER BY rowid");
            Assert.Equal(columns, records[0].Select(f => f.Text));
            Assert.Equal(rows.Count, records.Count - 1);
            for (int r = 0; r < rows.Count; r++)
                for (int c = 0; c < columns.Count; c++)
                {
                    var (text, quoted) = records[r + 1][c];
                    switch (rows[r][c])
                    {
                        case null: Assert.Equal(("", false), (text, quoted)); break;
                        case double d: Assert.Equal(d, double.Parse(text, CultureInfo.InvariantCulture)); break;
                        case long l: Assert.Equal(l, long.Parse(text, CultureInfo.InvariantCulture)); break;
                        case byte[] b: Assert.Equal(b, Convert.FromBase64String(text)); break;
                        case string s: Assert.Equal(s, text); break;
                    }
                }
        }
        // The diverged trial has a NULL final loss; the converged one a NULL diverged_at_step.
        var trials = Parse(Encoding.UTF8.GetString(files["trials"]));
        int finalLoss = trials[0].FindIndex(f => f.Text == "final_loss"), divergedAt = trials[0].FindIndex(f => f.Text == "diverged_at_step");
        Assert.Contains(trials.Skip(1), r => r[finalLoss].Text == "");
        Assert.Contains(trials.Skip(1), r => r[divergedAt].Text == "");
    }

    [Fact]
    public void ExportCommandWritesOneCsvPerTableAndCanSkipImages()
    {
        using var dir = new ReportTestFolder();
        var sweep = WriteSweep(dir);
        var (exit, output, err) = CliRunner.Run("export", sweep, "--out", dir["all"]);
        Assert.True(exit == ExitCodes.Ok, err);
        Assert.Contains("trials.csv: 2 rows", output);
        Assert.True(File.Exists(Path.Combine(dir["all"], "figure_images.csv")));
        (exit, _, err) = CliRunner.Run("export", sweep, "--out", dir["numbers"], "--no-images");
        Assert.True(exit == ExitCodes.Ok, err);
        Assert.False(File.Exists(Path.Combine(dir["numbers"], "figure_images.csv")));
        Assert.True(File.Exists(Path.Combine(dir["numbers"], "set_scores.csv")));
    }

    /// <summary>RFC 4180 reader for the test: records of (text, was it quoted).</summary>
    static List<List<(string Text, bool Quoted)>> Parse(string csv)
    {
        var records = new List<List<(string, bool)>>();
        var record = new List<(string, bool)>();
        var field = new StringBuilder();
        bool quoted = false;
        int i = 0;
        while (i < csv.Length)
        {
            char ch = csv[i];
            if (field.Length == 0 && !quoted && ch == '"')
            {
                quoted = true;
                i++;
                while (true)
                {
                    if (csv[i] == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (csv[i] == '"') { i++; break; }
                    else field.Append(csv[i++]);
                }
                continue;
            }
            if (ch == ',' || ch == '\n')
            {
                record.Add((field.ToString(), quoted));
                field.Clear(); quoted = false;
                if (ch == '\n') { records.Add(record); record = []; }
                i++;
                continue;
            }
            field.Append(ch);
            i++;
        }
        Assert.Empty(record);
        return records;
    }
}
