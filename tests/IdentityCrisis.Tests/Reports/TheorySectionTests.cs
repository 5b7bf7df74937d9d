using IdentityCrisis.Cli;

namespace IdentityCrisis.Tests.Reports;

public class TheorySectionTests
{
    static IdentityCrisis.Sweeps.SweepSpec Fig3Spec() => SyntheticSweep.Spec("fig3-synthetic", "paper", SyntheticSweep.Cnn(), IdentityCrisis.Sweeps.SweepFigure.Grid,
        IdentityCrisis.Sweeps.SweepAxis.Values("depth", "architecture.depth", 1, 20));

    [Fact]
    public void TheCommittedTheoryResultsRenderAsAReportSection()
    {
        var theory = Path.Combine(TestPaths.RepoRoot(), "docs", "results", "theory");
        var sweeps = Path.Combine(Cli.CliRunner.TempDir("theory-section"), "sweep");
        SyntheticSweep.Write(sweeps, Fig3Spec(), _ => FakeTrial.Identity);
        var outDir = Cli.CliRunner.TempDir("theory-report");
        var (exit, _, err) = Cli.CliRunner.Run("report", sweeps, "--theory", theory, "--out", outDir);
        Assert.True(exit == 0, err);
        var md = File.ReadAllText(Path.Combine(outDir, "report.md"));
        Assert.Contains("## Single-layer theory", md);
        Assert.Contains("figures/theory-kernels.png", md);
        Assert.Contains("figures/theory-sigma.png", md);
        Assert.True(File.Exists(Path.Combine(outDir, "figures", "theory-kernels.png")));
        Assert.Contains("| 29 | 784 / 841 |", md);     // the rank transition row, from the committed numbers
    }

    [Fact]
    public void AMissingTheoryFolderIsABadInputError()
    {
        var sweeps = Path.Combine(Cli.CliRunner.TempDir("theory-missing"), "sweep");
        SyntheticSweep.Write(sweeps, Fig3Spec(), _ => FakeTrial.Identity);
        var (exit, _, err) = Cli.CliRunner.Run("report", sweeps, "--theory", "/nonexistent/theory", "--out", Cli.CliRunner.TempDir("x"));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--theory", err);
    }
}
