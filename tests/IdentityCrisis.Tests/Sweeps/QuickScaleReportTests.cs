using IdentityCrisis.Storage;
using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Tests.Sweeps;

/// <summary>
/// The CI check of the paper pipeline: every preset at quick scale is trained for real,
/// then the report is rendered from the databases and checked.
/// </summary>
[Collection("torch")]
public class QuickScaleReportTests
{
    // LibTorch's thread count is set once per process; the other tests in this process use all cores.
    static readonly string Threads = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void EveryQuickPresetRunsAndTheReportRendersFromTheDatabases()
    {
        var root = Cli.CliRunner.TempDir("quick-scale");
        var sweeps = Path.Combine(root, "sweeps");
        foreach (var preset in Presets.Names)
        {
            var (exit, _, err) = Cli.CliRunner.Run("sweep", "run", "--preset", preset, "--scale", "quick", "--out", Path.Combine(sweeps, preset), "--threads", Threads);
            Assert.True(exit == 0, $"{preset}: {err}");
            using var db = ResultsDb.Open(Path.Combine(sweeps, preset, ResultsDb.FileName), create: false);
            Assert.Equal(TrialExpansion.Expand(Presets.Get(preset, "quick")).Count, db.LoadTrials().Count);
            Assert.Empty(db.LoadFailures());
        }

        var report = Path.Combine(root, "report");
        var (code, output, error) = Cli.CliRunner.Run("report", sweeps, "--out", report);
        Assert.True(code == 0, error);
        var md = File.ReadAllText(Path.Combine(report, "report.md"));
        var html = File.ReadAllText(Path.Combine(report, "report.html"));
        foreach (var preset in Presets.Names) Assert.Contains($"{preset}-quick", md);
        Assert.Contains("quick scale: not the paper's sizes", md);
        Assert.DoesNotContain("not measured", output);      // every claim has a sweep behind it
        Assert.Contains("data:image/png;base64,", html);
        var figures = Directory.GetFiles(Path.Combine(report, "figures"), "*.png");
        Assert.True(figures.Length >= Presets.Names.Length, $"only {figures.Length} figures");
        Assert.All(figures, f => Assert.Contains(Path.GetFileName(f), md));

        // A second run of a finished sweep trains nothing.
        var (again, againOut, _) = Cli.CliRunner.Run("sweep", "run", "--preset", "fig3", "--scale", "quick", "--out", Path.Combine(sweeps, "fig3"), "--threads", Threads);
        Assert.Equal(0, again);
        Assert.Contains("0 run now", againOut);
    }
}
