using IdentityCrisis.Theory;

namespace IdentityCrisis.Tests.Theory;

/// <summary>
/// The acceptance: a single linear layer trained by plain GD to convergence and its closed
/// form agree within 1e-4 max abs on every probe set. Each test also asserts the comparison could
/// have failed: training really moved the weights far from where they started.
/// </summary>
[Collection("torch")]
public class TrainedAgreementTests
{
    static TheoryRunResult Run(IdentityCrisis.Config.RunConfig config, double? lr = null, bool float64Reference = false)
    {
        TorchTestSetup.Init();
        return TheoryRun.Execute(config, lr, TestData.Catalog, float64Reference: float64Reference).Result;
    }

    static void AssertAgreesOnEverySet(TheoryRunResult r)
    {
        Assert.True(r.Training.Converged, $"{r.Architecture}: {r.Training.Outcome} after {r.Training.Steps} steps, loss {r.Training.FinalLoss}");
        Assert.Equal(6, r.Sets.Count);
        foreach (var s in r.Sets)
            Assert.True(s.MaxAbsOutputDiff <= TheoryTolerances.Outputs, $"{r.Architecture}, set {s.Set}: max |trained − closed form| = {s.MaxAbsOutputDiff}");
        Assert.True(r.Weights.InitialVsLimit > 100 * r.Weights.TrainedVsLimit,
                    $"training moved the weights by {r.Weights.InitialVsLimit}, yet the match is only {r.Weights.TrainedVsLimit}");
        Assert.True(r.Passed, string.Join("; ", r.Checks.Where(c => !c.Passed).Select(c => $"{c.Name} = {c.Value}")));
    }

    [Fact]
    public void LinearFcnMatchesItsClosedFormOnEveryProbeSet()
    {
        var r = Run(TheoryFixtures.Config("fcn"));
        AssertAgreesOnEverySet(r);
        Assert.Equal(1, r.Training.Steps);   // η = 1/λ of the rank-one Hessian: one exact step
        Assert.All(r.Sets, s => Assert.True(s.DecompositionMaxAbsError < TheoryTolerances.Float64));
    }

    [Fact]
    public void LinearFcnWithASmallerStepTakesManyStepsAndStillMatches()
    {
        var probe = Run(TheoryFixtures.Config("fcn", maxSteps: 0));
        var r = Run(TheoryFixtures.Config("fcn"), lr: 0.3 * probe.Quadratic.StepSize);
        AssertAgreesOnEverySet(r);
        Assert.True(r.Training.Steps > 10, $"{r.Training.Steps} steps");
    }

    [Fact]
    public void LinearFcnWithBiasMatches()
    {
        AssertAgreesOnEverySet(Run(TheoryFixtures.Config("fcn", bias: true)));
    }

    [Fact]
    public void LinearCnnWithKernel5MatchesItsClosedFormOnEveryProbeSet()
    {
        var r = Run(TheoryFixtures.Config("cnn", kernel: 5));
        AssertAgreesOnEverySet(r);
        Assert.Equal(25, r.Quadratic.Rank);
        // Full rank: the prediction is the identity and the trained network is within float32 of it.
        Assert.All(r.Sets, s => Assert.True(s.PredictedMse < 1e-20 && s.MeasuredMse < 1e-9, $"{s.Set}: {s.PredictedMse} / {s.MeasuredMse}"));
    }

    [Fact]
    public void LinearCnnWithBiasMatches()
    {
        AssertAgreesOnEverySet(Run(TheoryFixtures.Config("cnn", kernel: 3, bias: true)));
    }

    /// <summary>
    /// Stopped early, the network is far from θ∞ but on the exact GD iterate θ_t: what makes the
    /// kernel sweep's unconverged points interpretable.
    /// </summary>
    [Fact]
    public void UnconvergedCnnSitsOnTheExactGdIterate()
    {
        var r = Run(TheoryFixtures.Config("cnn", kernel: 9, maxSteps: 300), float64Reference: true);
        Assert.False(r.Training.Converged);
        // Rerun in float64, the same GD lands on θ_t to float64 precision: what is left is float32 rounding.
        Assert.NotNull(r.Float64Gd);
        Assert.Equal(300, r.Float64Gd.Steps);
        Assert.True(r.Float64Gd.OutputsVsIterate < TheoryTolerances.Float64, $"float64 GD vs θ_t {r.Float64Gd.OutputsVsIterate}");
        Assert.True(r.Float64Gd.TrainedVsFloat64Outputs <= TheoryTolerances.Outputs);
        Assert.Contains(r.Checks, c => c.Name == "float64 GD = exact GD iterate" && c.Passed);
        Assert.Equal(300, r.Training.Steps);
        Assert.True(r.All.MaxAbsOutputDiff > 1e-3, $"distance to θ∞ {r.All.MaxAbsOutputDiff}");
        Assert.True(r.All.MaxAbsOutputDiffIterate <= TheoryTolerances.Outputs, $"distance to θ_t {r.All.MaxAbsOutputDiffIterate}");
        Assert.Equal(r.All.IterateMse, r.All.MeasuredMse, 1e-6 + 1e-3 * r.All.IterateMse);
        Assert.False(r.Passed);
        Assert.Contains(r.Checks, c => c.Name == "training converged" && !c.Passed);
    }
}
