using IdentityCrisis.Config;
using IdentityCrisis.Metrics;
using IdentityCrisis.Results;
using IdentityCrisis.Storage;
using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Tests.Sweeps;

public class SweepRunnerTests
{
    /// <summary>Returns a made-up record; fails on the trials it is told to.</summary>
    sealed class FakeExecutor(Func<Trial, bool>? fail = null) : ITrialExecutor
    {
        public int Calls;
        public void Prepare(int workers) { }

        public TrialOutput Execute(Trial trial, bool captureLayers, Action<int, double> progress, CancellationToken cancel)
        {
            Interlocked.Increment(ref Calls);
            if (fail?.Invoke(trial) == true) throw new InvalidOperationException($"boom in {trial.Label}");
            progress(0, 0.1);
            return new TrialOutput(FakeRecords.Record(trial.Config, trial.Config.Architecture.Depth / 10.0), null);
        }
    }

    static SweepSpec Spec() => new()
    {
        Name = "fake",
        Base = new RunConfig { Architecture = new() { Kind = "cnn", Channels = 2 } },
        Axes = [SweepAxis.Values("depth", "architecture.depth", 1, 2, 3, 4, 5, 6)],
    };

    [Fact]
    public void RecordsEveryTrialAndSkipsThemOnRerun()
    {
        var dir = Cli.CliRunner.TempDir("sweep-fake");
        var exec = new FakeExecutor();
        var first = new SweepRunner(Spec(), dir, exec, workers: 2).Run();
        Assert.Equal((6, 6, 0, 0), (first.Total, first.RanNow, first.SkippedAtStart, first.Failed));
        var second = new SweepRunner(Spec(), dir, exec, workers: 2).Run();
        Assert.Equal((6, 0, 6), (second.Total, second.RanNow, second.SkippedAtStart));
        Assert.Equal(6, exec.Calls);

        using var db = ResultsDb.Open(Path.Combine(dir, ResultsDb.FileName), create: false);
        var trials = db.LoadTrials();
        Assert.Equal([1, 2, 3, 4, 5, 6], trials.Select(t => t.Config.Architecture.Depth));
        Assert.Equal(0.3, trials[2].Set("mnist")!.IdentitySkill, 9);
        Assert.Equal("constant", trials[0].Set("mnist")!.Verdict);   // identity skill 0.1, constant skill 0.9
        Assert.True(File.Exists(Path.Combine(dir, SweepRunner.SpecFileName)));
        Assert.Equal("fake", db.GetMeta("sweep_name"));
    }

    [Fact]
    public void AFailingTrialIsRecordedAsAFailureAndRetriedNextTime()
    {
        var dir = Cli.CliRunner.TempDir("sweep-fail");
        var s1 = new SweepRunner(Spec(), dir, new FakeExecutor(t => t.Config.Architecture.Depth == 4)).Run();
        Assert.Equal((5, 1), (s1.RanNow, s1.Failed));
        using (var db = ResultsDb.Open(Path.Combine(dir, ResultsDb.FileName)))
        {
            var f = Assert.Single(db.LoadFailures());
            Assert.Contains("boom in depth=4", f.Error);
        }
        var s2 = new SweepRunner(Spec(), dir, new FakeExecutor()).Run();
        Assert.Equal((1, 5, 0), (s2.RanNow, s2.SkippedAtStart, s2.Failed));
    }

    [Fact]
    public void InvalidSweepsSpendNoCompute()
    {
        var exec = new FakeExecutor();
        var bad = Spec() with { Axes = [SweepAxis.Values("kernel", "architecture.kernel", 3, 8)] };
        var e = Assert.Throws<ConfigException>(() => new SweepRunner(bad, Cli.CliRunner.TempDir("sweep-bad"), exec).Run());
        Assert.Contains("kernel=8", e.Message);
        Assert.Equal(0, exec.Calls);
    }

    [Fact]
    public void TheSameTrialIsNeverRecordedTwice()
    {
        var dir = Cli.CliRunner.TempDir("sweep-dup");
        var trial = TrialExpansion.Expand(Spec())[0];
        using var db = ResultsDb.Open(Path.Combine(dir, ResultsDb.FileName));
        var output = new TrialOutput(FakeRecords.Record(trial.Config, 0.5), null);
        Assert.True(db.RecordTrial(trial, output));
        Assert.False(db.RecordTrial(trial, output));
        Assert.Single(db.LoadTrials());
    }
}

/// <summary>Hand-made run records with known scores, for storage and report tests.</summary>
public static class FakeRecords
{
    public static RunRecord Record(RunConfig config, double identitySkill)
    {
        var verdict = new VerdictRule().Decide(identitySkill, 1 - identitySkill);
        var sets = new[] { "mnist", "fashion" }.Select(s =>
            new SetScore(s, 2, identitySkill, 1 - identitySkill, 0.01, 0.02, 0.3, identitySkill, 1 - identitySkill, 2, verdict)).ToList();
        var probes = sets.SelectMany(s => Enumerable.Range(0, 2).Select(i =>
            new ProbeScore(s.Set, $"{s.Set} #{i}", identitySkill, 1 - identitySkill, 0.01, 0.02, 0.3))).ToList();
        var img = Enumerable.Range(0, ImageGeometry.Pixels).Select(i => i / 784f).ToArray();
        return new RunRecord(config, EnvironmentInfo.Capture(),
            new TrainingResult { Outcome = TrainingOutcome.Converged, Steps = 10, FinalLoss = 1e-6, LossCurve = [new(0, 0.1), new(10, 1e-6)], Seconds = 0.01 },
            1 << 20, new TrainImageInfo(15, 7, 1, "test"), sets, probes,
            new FigureData(["x̂", "p"], [img, img], [img, img]));
    }
}
