using System.Globalization;
using System.Text;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports.Export;

public sealed record ExportedTable(string Table, string Path, int Rows);

/// <summary>
/// The results database as one CSV file per table, for committing next to the docs.
/// RFC 4180 quoting, UTF-8 without BOM, "\n" line ends; numbers in invariant culture with
/// round-trip precision (a decimal-comma locale writes the same bytes); NULL is an empty
/// field while an empty string is written as "" so the two stay apart; BLOB columns
/// (figure_images, layer_maps: float32 little-endian 28x28 images) as base64.
/// </summary>
public static class CsvExport
{
    /// <summary>The tables holding images: large, and not needed for the numbers.</summary>
    public static readonly string[] ImageTables = ["figure_images", "layer_maps"];

    public static IReadOnlyList<ExportedTable> Export(ResultsDb db, string outDir, bool includeImages = true)
    {
        Directory.CreateDirectory(outDir);
        var (_, tableRows) = db.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        var exported = new List<ExportedTable>();
        foreach (var name in tableRows.Select(r => (string)r[0]!))
        {
            if (!includeImages && ImageTables.Contains(name)) continue;
            // rowid order is insertion order: stable for a given database, so re-exports diff cleanly.
            var (columns, rows) = db.Query($"SELECT * FROM \"{name.Replace("\"", "\"\"")}\" ORDER BY rowid");
            var path = Path.Combine(outDir, name + ".csv");
            var sb = new StringBuilder();
            sb.Append(string.Join(',', columns.Select(Quote))).Append('\n');
            foreach (var row in rows) sb.Append(string.Join(',', row.Select(Field))).Append('\n');
            var tmp = path + ".tmp";
            File.WriteAllText(tmp, sb.ToString(), new UTF8Encoding(false));
            File.Move(tmp, path, overwrite: true);
            exported.Add(new ExportedTable(name, path, rows.Count));
        }
        return exported;
    }

    public static string Field(object? value) => value switch
    {
        null or DBNull => "",
        string s => s.Length == 0 ? "\"\"" : Quote(s),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToBase64String(b),
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? ""),
    };

    static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 || s.Length == 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
