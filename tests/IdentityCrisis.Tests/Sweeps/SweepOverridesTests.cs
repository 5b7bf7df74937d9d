using IdentityCrisis.Config;
using IdentityCrisis.Results;
using IdentityCrisis.Storage;
using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Tests.Sweeps;

public class SweepOverridesTests
{
    static SweepSpec Fig3 => Presets.Get("fig3", "paper");

    [Fact]
    public void SetChangesEveryTrialAndRenamesTheSweep()
    {
        var gd = SweepOverrides.Apply(Fig3, ["training.optimizer=gd", "training.learningRate=0.1", "architecture.bias=false"]);
        Assert.Equal("fig3-paper_optimizer=gd_learningRate=0.1_bias=false", gd.Name);
        Assert.Contains("training.optimizer = gd", gd.Description);
        var trials = TrialExpansion.Expand(gd);
        var unchanged = TrialExpansion.Expand(Fig3);
        Assert.Equal(unchanged.Select(t => t.Label), trials.Select(t => t.Label));
        Assert.All(trials, t => Assert.Equal(("gd", 0.1, false), (t.Config.Training.Optimizer, t.Config.Training.LearningRate, t.Config.Architecture.Bias)));
        Assert.Empty(trials.Select(t => t.Id).Intersect(unchanged.Select(t => t.Id)));
        // Only the named fields moved.
        Assert.All(trials.Zip(unchanged), p => Assert.Equal(p.Second.Config.Training.MaxSteps, p.First.Config.Training.MaxSteps));
    }

    [Fact]
    public void NoSetKeepsTheSpecAndANameOnlyRenamesIt()
    {
        var fig3 = Fig3;
        Assert.Same(fig3, SweepOverrides.Apply(fig3, []));
        Assert.Equal("mine", SweepOverrides.Apply(Fig3, ["training.seed=3"], "mine").Name);
        var e = Assert.Throws<ConfigException>(() => SweepOverrides.Apply(Fig3, [], "a/b"));
        Assert.Contains("--name 'a/b'", e.Message);
    }

    [Fact]
    public void FieldsAnAxisVariesAreRefusedNamingTheAxis()
    {
        var e = Assert.Throws<ConfigException>(() => SweepOverrides.Apply(Fig3, ["architecture.depth=3"]));
        Assert.Contains("axis 'depth'", e.Message);
        Assert.Contains("--only depth=", e.Message);
    }

    [Fact]
    public void BadAssignmentsAreAllNamed()
    {
        var e = Assert.Throws<ConfigException>(() => SweepOverrides.Apply(Fig3, ["training.optimiser=gd", "bogus", "training.seed=1", "training.seed=2"]));
        Assert.Equal(3, e.Errors.Count);
        Assert.Contains(e.Errors, m => m.Contains("'training.optimiser'") && m.Contains("optimizer, learningRate"));
        Assert.Contains(e.Errors, m => m.Contains("'bogus' must look like PATH=VALUE"));
        Assert.Contains(e.Errors, m => m.Contains("training.seed is given twice"));
        Assert.Throws<ConfigException>(() => SweepOverrides.Apply(Fig3, ["training.maxSteps=many"]));
    }

    [Fact]
    public void AFolderHoldingAnotherSweepIsRefusedAndKeepsItsResults()
    {
        var dir = Cli.CliRunner.TempDir("sweep-mix");
        var tiny = new SweepSpec
        {
            Name = "tiny",
            Base = new RunConfig { Architecture = new() { Kind = "cnn", Channels = 2 } },
            Axes = [SweepAxis.Values("depth", "architecture.depth", 1, 2)],
        };
        var exec = new CountingExecutor();
        new SweepRunner(tiny, dir, exec).Run();
        var changed = SweepOverrides.Apply(tiny, ["training.seed=1"]);
        var e = Assert.Throws<ConfigException>(() => new SweepRunner(changed, dir, exec).Run());
        Assert.Contains("holds the results of sweep 'tiny'", e.Message);
        Assert.Equal(2, exec.Calls);
        using var db = ResultsDb.Open(Path.Combine(dir, ResultsDb.FileName), create: false);
        Assert.Equal("tiny", db.GetMeta("sweep_name"));
        Assert.Equal(2, db.FinishedTrialIds().Count);
    }

    sealed class CountingExecutor : ITrialExecutor
    {
        public int Calls;
        public void Prepare(int workers) { }

        public TrialOutput Execute(Trial trial, bool captureLayers, Action<int, double> progress, CancellationToken cancel)
        {
            Calls++;
            return new TrialOutput(FakeRecords.Record(trial.Config, 0.5), null);
        }
    }
}
