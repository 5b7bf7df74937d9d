using IdentityCrisis.Reports;
using IdentityCrisis.Reports.Claims;
using IdentityCrisis.Results;
using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Tests.Reports;

public class ClaimRuleTests
{
    static readonly int[] PaperDepths = [1, 3, 5, 7, 9, 11, 14, 16, 20];

    /// <summary>Writes the sweeps, reads them back the way the report does, and judges every claim.</summary>
    static Dictionary<string, ClaimResult> Judge(params (SweepSpec Spec, Func<Trial, FakeTrial?> Plan)[] sweeps)
    {
        using var dir = new ReportTestFolder();
        var opened = sweeps.Select(s => SweepResults.Open(SyntheticSweep.Write(dir[s.Spec.Name], s.Spec, s.Plan))).ToList();
        try { return ClaimBook.Evaluate(opened).ToDictionary(c => c.Id); }
        finally { opened.ForEach(s => s.Dispose()); }
    }

    static FakeTrial ByDepth(Trial t, Func<int, FakeTrial> f) => f(t.Config.Architecture.Depth);

    [Fact]
    public void Fig3LikeThePaperReproducesBothCnnClaims()
    {
        var claims = Judge((SyntheticSweep.Fig3("paper", PaperDepths), t => ByDepth(t, d => d <= 10 ? FakeTrial.Identity : d < 20 ? FakeTrial.Other : FakeTrial.Constant)));
        Assert.Equal(ClaimVerdict.Reproduced, claims["a"].Verdict);
        Assert.Equal(ClaimVerdict.Reproduced, claims["b"].Verdict);
        Assert.Equal("reproduced", claims["a"].VerdictText);
        Assert.Contains("10 of 10 (depth, set) verdicts", claims["a"].Measured);
    }

    [Fact]
    public void ConstantAtDepthFiveIsNotReproduced()
    {
        var claims = Judge((SyntheticSweep.Fig3("paper", PaperDepths), t => ByDepth(t, d => d == 5 ? FakeTrial.Constant : d <= 10 ? FakeTrial.Identity : FakeTrial.Constant)));
        Assert.Equal(ClaimVerdict.NotReproduced, claims["a"].Verdict);
        Assert.Contains("disagree", claims["a"].Agreement);
    }

    [Fact]
    public void BlurredButNotConstantShallowDepthsArePartly()
    {
        var claims = Judge((SyntheticSweep.Fig3("paper", PaperDepths), t => ByDepth(t, d => d is 7 or 9 ? FakeTrial.Other : d <= 10 ? FakeTrial.Identity : FakeTrial.Constant)));
        Assert.Equal(ClaimVerdict.Partly, claims["a"].Verdict);
    }

    [Fact]
    public void DeepestLeaningToTheSevenWithoutDepthTwentyIsPartly()
    {
        var claims = Judge((SyntheticSweep.Fig3("paper", 1, 5, 12), t => ByDepth(t, d => d < 12 ? FakeTrial.Identity : FakeTrial.Uniform(0.2, 0.6))));
        Assert.Equal(ClaimVerdict.Partly, claims["b"].Verdict);
        Assert.Contains("No scored trial of depth 20 or more", claims["b"].Measured);
    }

    [Fact]
    public void DeepestStillIdentityIsNotReproduced()
    {
        var claims = Judge((SyntheticSweep.Fig3("paper", 1, 10, 20), _ => FakeTrial.Identity));
        Assert.Equal(ClaimVerdict.NotReproduced, claims["b"].Verdict);
    }

    [Fact]
    public void DivergedTrialsAreLeftOutOfTheVerdict()
    {
        var claims = Judge((SyntheticSweep.Fig3("paper", PaperDepths), t => ByDepth(t, d =>
            d == 5 ? FakeTrial.Constant with { Outcome = TrainingOutcome.Diverged } : d <= 10 ? FakeTrial.Identity : FakeTrial.Constant)));
        Assert.Equal(ClaimVerdict.Reproduced, claims["a"].Verdict);
        Assert.Contains("8 of 8", claims["a"].Measured);
    }

    [Fact]
    public void QuickScaleSaysSoInTheVerdict()
    {
        var claims = Judge((SyntheticSweep.Fig3("quick", 1, 3, 5), _ => FakeTrial.Identity));
        Assert.Equal(ClaimVerdict.Reproduced, claims["a"].Verdict);
        Assert.True(claims["a"].QuickScale);
        Assert.Contains("quick scale: not the paper's sizes", claims["a"].VerdictText);
    }

    [Fact]
    public void ClaimsWithoutTheirSweepAreNotMeasured()
    {
        var claims = Judge((SyntheticSweep.Fig3("paper", 1, 3), _ => FakeTrial.Identity));
        foreach (var id in new[] { "c", "d", "e", "f", "g", "h" })
        {
            Assert.Equal(ClaimVerdict.NotMeasured, claims[id].Verdict);
            Assert.Equal("not measured", claims[id].VerdictText);
        }
    }

    [Fact]
    public void PaperScaleSweepSpeaksForItsPresetOverAQuickOne()
    {
        var claims = Judge(
            (SyntheticSweep.Fig3("quick", 1, 3), _ => FakeTrial.Constant),
            (SyntheticSweep.Fig3("paper", 1, 3), _ => FakeTrial.Identity));
        Assert.Equal("fig3-paper", claims["a"].Sweep!.Name);
        Assert.Equal(ClaimVerdict.Reproduced, claims["a"].Verdict);
    }

    static FakeTrial Fig2Plan(Trial t, FakeTrial sixLayerRelu, FakeTrial oneLayerLinear) => t.Label switch
    {
        "6-layer ReLU" => sixLayerRelu,
        "1-layer linear" => oneLayerLinear,
        _ => FakeTrial.Other,
    };

    static readonly FakeTrial LinearLikeTheTheory = new(_ => (0.2, 0.5), Map: (x, xhat) => SyntheticSweep.KeepAlongTrainImage(x, xhat, 0.3));

    [Fact]
    public void Fig2LikeThePaperReproducesTheFcnClaims()
    {
        var claims = Judge((SyntheticSweep.Fig2("paper"), t => Fig2Plan(t, FakeTrial.Constant, LinearLikeTheTheory)));
        Assert.Equal(ClaimVerdict.Reproduced, claims["c"].Verdict);
        Assert.Equal(ClaimVerdict.Reproduced, claims["h"].Verdict);
        Assert.Contains("slope 1.00", claims["h"].Measured);
    }

    [Fact]
    public void SixLayerReluConstantOnHalfTheSetsIsPartly()
    {
        var half = new FakeTrial(set => set is "mnist" or "fashion" or "mix" ? (0.0, 0.95) : (0.4, 0.4));
        var claims = Judge((SyntheticSweep.Fig2("paper"), t => Fig2Plan(t, half, LinearLikeTheTheory)));
        Assert.Equal(ClaimVerdict.Partly, claims["c"].Verdict);
    }

    [Fact]
    public void LinearFcnThatIsTheIdentityIsNotReproduced()
    {
        var claims = Judge((SyntheticSweep.Fig2("paper"), t => Fig2Plan(t, FakeTrial.Constant, FakeTrial.Identity)));
        Assert.Equal(ClaimVerdict.NotReproduced, claims["h"].Verdict);
    }

    [Fact]
    public void LinearFcnLosingTheComponentAlongXhatIsPartly()
    {
        var damped = LinearLikeTheTheory with { Map = (x, xhat) => SyntheticSweep.Blend(x, xhat, 0.3, 0) };
        var claims = Judge((SyntheticSweep.Fig2("paper"), t => Fig2Plan(t, FakeTrial.Constant, damped)));
        Assert.Equal(ClaimVerdict.Partly, claims["h"].Verdict);
    }

    static SweepSpec FcnMany(string scale, params int[] images) => SyntheticSweep.Spec("fcn-many", scale, SyntheticSweep.Fcn("mnist", "fashion", "noise"),
        SweepFigure.ManyImages, SweepAxis.Values("images", "training.trainImages", images), SweepAxis.Values("depth", "architecture.depth", 2, 6));

    [Fact]
    public void FcnsMissingTheIdentityAtSixtyThousandReproduce()
    {
        var claims = Judge((FcnMany("paper", 1, 60000), t => t.Config.Training.TrainImages == 1 ? FakeTrial.Constant
            : new FakeTrial(set => set == "noise" ? (0.1, 0.2) : (0.9, 0.05))));
        Assert.Equal(ClaimVerdict.Reproduced, claims["d"].Verdict);
    }

    [Fact]
    public void FcnsLearningTheIdentityEverywhereDisagree()
    {
        var claims = Judge((FcnMany("paper", 1, 60000), t => t.Config.Training.TrainImages == 1 ? FakeTrial.Constant : FakeTrial.Identity));
        Assert.Equal(ClaimVerdict.NotReproduced, claims["d"].Verdict);
    }

    [Fact]
    public void FewerThanSixtyThousandImagesIsAtMostPartly()
    {
        var claims = Judge((FcnMany("paper", 1, 100), _ => FakeTrial.Other));
        Assert.Equal(ClaimVerdict.Partly, claims["d"].Verdict);
        Assert.Contains("60000 images are not in this sweep", claims["d"].Measured);
    }

    static SweepSpec Channels(params int[] seeds) => SyntheticSweep.Spec("channels", "paper", SyntheticSweep.Cnn("mnist", "fashion"), SweepFigure.Heatmap,
        SweepAxis.Values("depth", "architecture.depth", 1, 10, 20), SweepAxis.Values("channels", "architecture.channels", 8, 128),
        SweepAxis.Values("seed", "training.seed", seeds));

    [Fact]
    public void DepthHurtingMoreThanChannelsReproduces()
    {
        // identity skill falls 0.9 -> 0.1 with depth, and only 0.05 from 8 to 128 channels.
        var claims = Judge((Channels(0, 1), t =>
        {
            var a = t.Config.Architecture;
            double id = 0.9 - 0.8 * (a.Depth - 1) / 19.0 - (a.Channels == 128 ? 0.05 : 0);
            return FakeTrial.Uniform(id, 1 - id);
        }));
        Assert.Equal(ClaimVerdict.Reproduced, claims["e"].Verdict);
        Assert.Contains("Depth effect 0.80, channel effect 0.05", claims["e"].Measured);
    }

    [Fact]
    public void APartlyRunGridComparesTheChannelCountsThatWereMeasured()
    {
        // The spec plans 8, 128 and 1024 channels; 1024 was not run (sweep run --only).
        var spec = SyntheticSweep.Spec("channels", "paper", SyntheticSweep.Cnn("mnist", "fashion"), SweepFigure.Heatmap,
            SweepAxis.Values("depth", "architecture.depth", 1, 10, 20), SweepAxis.Values("channels", "architecture.channels", 8, 128, 1024),
            SweepAxis.Values("seed", "training.seed", 0, 1));
        var claims = Judge((spec, t =>
        {
            var a = t.Config.Architecture;
            if (a.Channels == 1024) return null;
            double id = 0.9 - 0.8 * (a.Depth - 1) / 19.0 - (a.Channels == 128 ? 0.05 : 0) + 0.2 * t.Config.Training.Seed * (a.Channels == 8 ? 1 : 0);
            return FakeTrial.Uniform(id, 1 - id);
        }));
        Assert.Equal(ClaimVerdict.Reproduced, claims["e"].Verdict);
        Assert.Contains("channels 8 to channels 128", claims["e"].Measured);
        Assert.Equal(ClaimVerdict.Reproduced, claims["f"].Verdict);
        Assert.Contains("at channels 128", claims["f"].Measured);
    }

    [Fact]
    public void ChannelsHurtingAsMuchAsDepthIsNotReproduced()
    {
        var claims = Judge((Channels(0, 1), t =>
        {
            var a = t.Config.Architecture;
            double id = 0.9 - 0.3 * (a.Depth - 1) / 19.0 - (a.Channels == 128 ? 0.5 : 0);
            return FakeTrial.Uniform(id, 1 - id);
        }));
        Assert.Equal(ClaimVerdict.NotReproduced, claims["e"].Verdict);
    }

    [Fact]
    public void SeedsSpreadingOnlyAtFewChannelsReproducesInitDependence()
    {
        var claims = Judge((Channels(0, 1, 2), t =>
        {
            var c = t.Config;
            double id = c.Architecture.Channels == 8 ? 0.3 + 0.3 * c.Training.Seed : 0.8 + 0.01 * c.Training.Seed;
            return FakeTrial.Uniform(id, 1 - id);
        }));
        Assert.Equal(ClaimVerdict.Reproduced, claims["f"].Verdict);
        Assert.Contains("0.60 at channels 8, 0.02 at channels 128", claims["f"].Measured);
    }

    [Fact]
    public void EqualSpreadIsNotReproducedAndOneSeedIsNotMeasured()
    {
        var equal = Judge((Channels(0, 1), t => FakeTrial.Uniform(0.5 + 0.2 * t.Config.Training.Seed, 0.3)));
        Assert.Equal(ClaimVerdict.NotReproduced, equal["f"].Verdict);
        var single = Judge((Channels(0), _ => FakeTrial.Identity));
        Assert.Equal(ClaimVerdict.NotMeasured, single["f"].Verdict);
    }

    static SweepSpec Kernels() => SyntheticSweep.Spec("kernels", "paper", SyntheticSweep.Cnn("mnist", "fashion"), SweepFigure.Heatmap,
        SweepAxis.Values("depth", "architecture.depth", 1, 5, 10, 20), SweepAxis.Values("kernel", "architecture.kernel", 3, 7, 13),
        SweepAxis.Values("seed", "training.seed", 0));

    [Fact]
    public void LargerKernelsMemorizingSoonerReproduces()
    {
        // memorizes from depth 20 at k=3, 10 at k=7, 5 at k=13
        var claims = Judge((Kernels(), t =>
        {
            var a = t.Config.Architecture;
            int from = a.Kernel switch { 3 => 20, 7 => 10, _ => 5 };
            return a.Depth >= from ? FakeTrial.Constant : FakeTrial.Identity;
        }));
        Assert.Equal(ClaimVerdict.Reproduced, claims["g"].Verdict);
        Assert.Contains("kernel 3: depth 20; kernel 7: depth 10; kernel 13: depth 5", claims["g"].Measured);
    }

    [Fact]
    public void KernelSizeWithoutEffectIsNotReproduced()
    {
        var claims = Judge((Kernels(), t => t.Config.Architecture.Depth >= 10 ? FakeTrial.Constant : FakeTrial.Identity));
        Assert.Equal(ClaimVerdict.NotReproduced, claims["g"].Verdict);
    }
}
