using System.Text.RegularExpressions;
using IdentityCrisis.Cli;
using IdentityCrisis.Figures;
using IdentityCrisis.Reports;
using IdentityCrisis.Storage;
using IdentityCrisis.Sweeps;
using IdentityCrisis.Tests.Cli;

namespace IdentityCrisis.Tests.Reports;

public partial class ReportOutputTests
{
    [GeneratedRegex("""\bsrc\s*=\s*["']([^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();

    [GeneratedRegex("""!\[(?:\\.|[^\]\\])*\]\(([^)\s]+)\)""")]
    private static partial Regex MarkdownImage();

    [Fact]
    public void EveryFigureKindRendersIntoSelfContainedHtmlAndMarkdownWithPngs()
    {
        using var dir = new ReportTestFolder();
        var parent = ReportFixture.WriteAll(dir["sweeps"]);
        var summary = ReportBuilder.Build([parent], dir["report"], "Synthetic report");
        Assert.Equal(5, summary.Sweeps);

        var html = File.ReadAllText(Path.Combine(dir["report"], ReportBuilder.HtmlFile));
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        var sources = SrcAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.StartsWith("data:image/png;base64,", s));
        Assert.All(sources, s => Assert.True(Png.IsPng(Convert.FromBase64String(s["data:image/png;base64,".Length..])), "embedded image is not a PNG"));

        var figureDir = Path.Combine(dir["report"], FigureStore.FolderName);
        var files = Directory.GetFiles(figureDir);
        Assert.Equal(summary.Figures, files.Length);
        Assert.Equal(files.Length, sources.Count);
        Assert.All(files, f => Assert.True(f.EndsWith(".png") && Png.IsPng(File.ReadAllBytes(f)), $"{f} is not a PNG"));

        var md = File.ReadAllText(Path.Combine(dir["report"], ReportBuilder.MarkdownFile));
        var referenced = MarkdownImage().Matches(md).Select(m => m.Groups[1].Value).ToList();
        Assert.All(referenced, r => Assert.True(File.Exists(Path.Combine(dir["report"], r)), $"report.md references missing {r}"));
        Assert.Equal(files.Select(Path.GetFileName).Order(), referenced.Select(Path.GetFileName).Order());

        foreach (var text in new[] { html, md })
        {
            Assert.Contains("Claims of the paper", text);
            Assert.Contains("[DIVERGED]", text);
            Assert.Contains("[not converged]", text);
            Assert.Contains("random initialization, not trained", text);
            Assert.Contains("synthetic failure", text);
            Assert.Contains("min-max per map", text);
            Assert.Contains("synthetic CPU", text);
            Assert.Contains("0.107.0", text);
        }
        Assert.Contains("Transition: Identity on mnist and fashion up to depth 5", md);
        Assert.Contains("constant from depth 20 on", md);
        foreach (var kind in new[] { "grid", "identity-skill-vs-depth", "layers", "heatmap", "skill-curves", "skill-vs-images", "loss" })
            Assert.Contains(files, f => Path.GetFileName(f).Contains(kind));
    }

    [Fact]
    public void ASweepWithoutFinishedTrialsStillRenders()
    {
        using var dir = new ReportTestFolder();
        Directory.CreateDirectory(dir["empty"]);
        using (var db = ResultsDb.Open(Path.Combine(dir["empty"], ResultsDb.FileName)))
            db.SetMeta("spec_json", SweepSpecJson.Serialize(SyntheticSweep.Fig3("paper", 1, 2)));
        var summary = ReportBuilder.Build([dir["empty"]], dir["report"]);
        Assert.Equal(0, summary.Trials);
        var md = File.ReadAllText(summary.MarkdownPath);
        Assert.Contains("No trial has finished yet", md);
        Assert.Contains("Planned but not in the database", md);
    }

    [Fact]
    public void ReportCommandWritesBothReportsAndRejectsMissingFolders()
    {
        using var dir = new ReportTestFolder();
        SyntheticSweep.Write(dir["fig3"], SyntheticSweep.Fig3("quick", 1, 3), _ => FakeTrial.Identity);
        var (exit, output, err) = CliRunner.Run("report", dir["fig3"], "--out", dir["out"], "--title", "T");
        Assert.True(exit == ExitCodes.Ok, err);
        Assert.Contains("claim (a) reproduced (quick scale: not the paper's sizes)", output);
        Assert.True(File.Exists(Path.Combine(dir["out"], ReportBuilder.HtmlFile)));
        Assert.StartsWith("# T", File.ReadAllText(Path.Combine(dir["out"], ReportBuilder.MarkdownFile)));

        var (missing, _, missingErr) = CliRunner.Run("report", dir["nowhere"], "--out", dir["out2"]);
        Assert.Equal(ExitCodes.BadInput, missing);
        Assert.Contains("does not exist", missingErr);
        var (empty, _, emptyErr) = CliRunner.Run("report", dir["out"], "--out", dir["out3"]);
        Assert.Equal(ExitCodes.BadInput, empty);
        Assert.Contains("holds no results.sqlite", emptyErr);
    }
}
