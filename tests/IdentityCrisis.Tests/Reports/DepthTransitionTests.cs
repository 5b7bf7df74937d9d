using IdentityCrisis.Reports;
using IdentityCrisis.Reports.Analysis;
using IdentityCrisis.Results;

namespace IdentityCrisis.Tests.Reports;

public class DepthTransitionTests
{
    static string Describe(Func<int, FakeTrial> byDepth, params int[] depths)
    {
        using var dir = new ReportTestFolder();
        using var sweep = SweepResults.Open(SyntheticSweep.Write(dir["fig3"], SyntheticSweep.Fig3("paper", depths), t => byDepth(t.Config.Architecture.Depth)));
        return DepthTransition.Of(sweep.Trials).Describe();
    }

    [Fact]
    public void PaperShapedSeriesNamesBothEndsAndWhatLiesBetween()
    {
        var text = Describe(d => d <= 9 ? FakeTrial.Identity : d >= 16 ? FakeTrial.Constant : FakeTrial.Other, 1, 5, 9, 12, 16, 20);
        Assert.StartsWith("Identity on mnist and fashion up to depth 9 (identity skill 0.95 to 0.95); constant from depth 16 on (constant skill 0.97 to 0.97); " +
                          "in between: depth 12: mnist other (identity skill 0.50, constant skill 0.30)", text);
    }

    [Fact]
    public void IdentityThatDoesNotStartAtTheShallowestDepthIsListedNotDenied()
    {
        var text = Describe(d => d is 3 or 5 ? FakeTrial.Identity : FakeTrial.Other with { Outcome = TrainingOutcome.MaxSteps }, 1, 3, 5, 8);
        Assert.StartsWith("Identity on mnist and fashion at depths 3 and 5", text);
        Assert.Contains("no depth is constant on mnist and fashion; neither at: depth 1 [not converged]", text);
    }

    [Fact]
    public void DivergedDepthsAreLeftOutAndNamed()
    {
        var text = Describe(d => d == 3 ? FakeTrial.Constant with { Outcome = TrainingOutcome.Diverged } : FakeTrial.Identity, 1, 3, 5);
        Assert.StartsWith("Identity on mnist and fashion up to depth 5", text);
        Assert.EndsWith("diverged (left out): depth 3.", text);
    }
}
