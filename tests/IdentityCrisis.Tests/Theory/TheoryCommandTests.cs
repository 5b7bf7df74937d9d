using IdentityCrisis.Cli;
using IdentityCrisis.Storage;
using IdentityCrisis.Tests.Cli;
using IdentityCrisis.Theory;

namespace IdentityCrisis.Tests.Theory;

/// <remarks>Every command gets --threads 0: LibTorch's thread count is per process, and the test process uses all cores.</remarks>
[Collection("torch")]
public class TheoryCommandTests
{
    static (int Exit, string Out, string Err) Run(params string[] args) => CliRunner.Run([.. args, "--threads", "0"]);

    [Fact]
    public void RunWritesTheNumbersTheFigureAndTheLossCurve()
    {
        var dir = CliRunner.TempDir("icrisis-theory-run");
        var (exit, output, err) = Run("theory", "run", "--arch", "cnn", "--kernel", "3", "--per-set", "2", "--out", dir);
        Assert.True(exit == ExitCodes.Ok, output + err);
        var result = TheoryRunFolder.Read(dir);
        Assert.Equal(TheoryRunResult.CurrentSchema, result.SchemaVersion);
        Assert.Equal("cnn", result.Kind);
        Assert.True(result.Passed);
        Assert.Equal(result.Quadratic.StepSize, result.Setup.Config.Training.LearningRate);
        Assert.Equal("gd", result.Setup.Config.Training.Optimizer);
        Assert.Contains("PASS", output);
        Assert.True(new FileInfo(Path.Combine(dir, "figure.png")).Length > 1000);
        Assert.StartsWith("step,loss", File.ReadAllText(Path.Combine(dir, "loss.csv")));
    }

    [Fact]
    public void AStepCapBelowConvergenceFailsTheRun()
    {
        var dir = CliRunner.TempDir("icrisis-theory-cap");
        var (exit, output, _) = Run("theory", "run", "--arch", "cnn", "--kernel", "5", "--max-steps", "20", "--per-set", "1", "--out", dir);
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("FAIL  training converged", output);
        Assert.False(TheoryRunFolder.Read(dir).Training.Converged);
    }

    [Fact]
    public void SettingsTheClosedFormsDoNotCoverAreRejectedBeforeTraining()
    {
        var dir = CliRunner.TempDir("icrisis-theory-bad");
        var (exit, _, err) = Run("theory", "run", "--kernel", "4", "--out", dir);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("architecture.kernel = 4", err);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
        (exit, _, err) = Run("theory", "kernels", "--kernels", "3,x", "--out", dir);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--kernels", err);
    }

    [Fact]
    public void KernelSweepWritesJsonCsvFigureAndReportAndMarksUnconvergedPoints()
    {
        var dir = CliRunner.TempDir("icrisis-theory-kernels");
        var (exit, output, err) = Run("theory", "kernels", "--kernels", "1,5", "--max-steps", "300", "--per-set", "1", "--probes", "mnist,patterns", "--out", dir);
        Assert.True(exit == ExitCodes.Ok, output + err);
        var sweep = ResultJson.Deserialize<TheorySweepResult>(File.ReadAllText(Path.Combine(dir, "kernels.json")));
        Assert.Equal([1, 5], sweep.Runs.Select(r => r.Kernel));
        Assert.True(sweep.Runs[0].Training.Converged);
        Assert.False(sweep.Runs[1].Training.Converged);
        var csv = File.ReadAllLines(Path.Combine(dir, "kernels.csv"));
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("kernel,", csv[0]);
        Assert.True(new FileInfo(Path.Combine(dir, "kernels.png")).Length > 10_000);
        var md = File.ReadAllText(Path.Combine(dir, "theory.md"));
        Assert.Contains("![kernel sweep](kernels.png)", md);
        Assert.Contains("**Not converged**", md);
        Assert.Contains("k = 5: 300 steps", md);
        Assert.True(File.Exists(Path.Combine(dir, "runs", "k05", "theory.json")));
    }

    [Fact]
    public void SigmaSweepAddsItsSectionNextToTheKernelSweep()
    {
        var dir = CliRunner.TempDir("icrisis-theory-sigma");
        Assert.Equal(ExitCodes.Ok, Run("theory", "kernels", "--kernels", "1", "--per-set", "1", "--probes", "mnist", "--out", dir).Exit);
        var (exit, output, err) = Run("theory", "sigma", "--sigmas", "1e-3,1e-1", "--per-set", "2", "--probes", "mnist,noise", "--out", dir);
        Assert.True(exit == ExitCodes.Ok, output + err);
        var sweep = ResultJson.Deserialize<TheorySweepResult>(File.ReadAllText(Path.Combine(dir, "sigma.json")));
        Assert.All(sweep.Runs, r => Assert.Equal("gaussian", r.Setup.Config.Architecture.Init));
        Assert.All(sweep.Runs, r => Assert.True(r.Passed));
        // Same probes, so ‖Π⊥x‖² cancels: the expectations differ by exactly (1 + dσ₁²)/(1 + dσ₀²).
        Assert.Equal((1 + 784 * 1e-2) / (1 + 784 * 1e-6), sweep.Runs[1].All.ExpectedMse!.Value / sweep.Runs[0].All.ExpectedMse!.Value, 1e-9);
        Assert.True(sweep.Runs[1].All.MeasuredMse > 2 * sweep.Runs[0].All.MeasuredMse);
        var md = File.ReadAllText(Path.Combine(dir, "theory.md"));
        Assert.Contains("## Linear CNN: error against kernel size", md);
        Assert.Contains("## Linear FCN: error against the initial scale σ", md);
    }
}
