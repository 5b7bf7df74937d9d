using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Tests.Cli;

public class SweepCommandTests
{
    [Fact]
    public void ShowPrintsASpecThatRunsAsTheSameTrials()
    {
        var (exit, output, err) = CliRunner.Run("sweep", "show", "--preset", "fig3", "--scale", "quick", "--set", "training.optimizer=momentum", "--set", "training.learningRate=0.01");
        Assert.True(exit == 0, err);
        var shown = SweepSpecJson.Parse(output, "sweep show");
        Assert.Equal("fig3-quick_optimizer=momentum_learningRate=0.01", shown.Name);
        var expected = SweepOverrides.Apply(Presets.Get("fig3", "quick"), ["training.optimizer=momentum", "training.learningRate=0.01"]);
        Assert.Equal(TrialExpansion.Expand(expected).Select(t => t.Id), TrialExpansion.Expand(shown).Select(t => t.Id));

        // The printed spec, saved and run with --spec, is the same sweep.
        var file = Path.Combine(CliRunner.TempDir("sweep-show"), "spec.json");
        File.WriteAllText(file, output);
        var (runExit, dry, runErr) = CliRunner.Run("sweep", "run", "--spec", file, "--dry-run");
        Assert.True(runExit == 0, runErr);
        Assert.All(TrialExpansion.Expand(shown), t => Assert.Contains(t.Id, dry));
    }

    [Fact]
    public void RunRefusesASetOnAnAxisBeforeTraining()
    {
        var dir = CliRunner.TempDir("sweep-set");
        var (exit, _, err) = CliRunner.Run("sweep", "run", "--preset", "fig3", "--set", "architecture.depth=3", "--out", dir);
        Assert.Equal(2, exit);
        Assert.Contains("axis 'depth'", err);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }
}
