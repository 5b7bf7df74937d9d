using IdentityCrisis.Theory;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Tests.Theory;

[Collection("torch")]
public class FcnClosedFormTests
{
    /// <summary>W∞ = W0 + (x̂ − W0x̂)x̂ᵀ/‖x̂‖², recomputed here with plain loops from W0 alone.</summary>
    [Fact]
    public void LimitIsTheRankOneUpdateOfW0()
    {
        var config = TheoryFixtures.Config("fcn");
        using var initial = TheoryFixtures.InitialParameters(config);
        using var theory = new FcnTheory(TestData.TrainingSeven, initial, bias: false, 1.0 / (3 * 784), 0);
        var x = TestData.TrainingSeven.Select(v => (double)v).ToArray();
        var w0 = initial.data<double>().ToArray();
        var limit = theory.Limit.data<double>().ToArray();
        double norm2 = x.Sum(v => v * v), worst = 0;
        for (int i = 0; i < 784; i++)
        {
            double w0x = 0;
            for (int j = 0; j < 784; j++) w0x += w0[i * 784 + j] * x[j];
            for (int j = 0; j < 784; j++)
                worst = Math.Max(worst, Math.Abs(limit[i * 784 + j] - (w0[i * 784 + j] + (x[i] - w0x) * x[j] / norm2)));
        }
        Assert.True(worst < 1e-12, $"max abs difference {worst}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DecompositionHoldsAndTheLimitInterpolates(bool bias)
    {
        var config = TheoryFixtures.Config("fcn", bias: bias);
        using var initial = TheoryFixtures.InitialParameters(config);
        using var theory = new FcnTheory(TestData.TrainingSeven, initial, bias, 1.0 / (3 * 784), bias ? 1.0 / (3 * 784) : 0);
        var probes = TheoryFixtures.Probes();
        var predicted = theory.Outputs(theory.Limit, probes);
        var values = theory.Annotate(probes.Select((x, i) => new ProbeTheoryValues(x, x, predicted[i], predicted[i])).ToList());
        Assert.All(values, v => Assert.True(v.DecompositionMaxAbsError < 1e-10, $"decomposition error {v.DecompositionMaxAbsError}"));
        Assert.True(theory.Summarize(theory.DefaultStepSize).PredictedTrainLoss < 1e-20);
        // Not a vacuous identity: the initial network is far from the limit on these probes.
        var initialOutputs = theory.Outputs(theory.Initial, probes);
        Assert.True(initialOutputs.Select((o, i) => TheoryFixtures.MaxAbs(o, probes[i]) - TheoryFixtures.MaxAbs(predicted[i], probes[i])).Max() > 1e-2);
    }

    /// <summary>GD never touches W0 on the orthogonal complement of x̂: (W∞ − W0)v = 0 for v ⊥ x̂.</summary>
    [Fact]
    public void UpdateIsZeroOrthogonalToTheTrainingImage()
    {
        var config = TheoryFixtures.Config("fcn", init: "gaussian", sigma: 0.05);
        using var initial = TheoryFixtures.InitialParameters(config);
        using var theory = new FcnTheory(TestData.TrainingSeven, initial, bias: false, 0.05 * 0.05, 0);
        using var x = torch.tensor(TestData.TrainingSeven).to(float64);
        using var v = torch.randn(784, dtype: float64, generator: new torch.Generator(3));
        using var perpendicular = v - x * (x.dot(v) / x.dot(x));
        using var moved = (theory.Limit - theory.Initial).matmul(perpendicular);
        Assert.True(moved.abs().max().item<double>() < 1e-12);
    }
}
