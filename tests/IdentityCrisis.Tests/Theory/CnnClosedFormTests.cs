using IdentityCrisis.Theory;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Tests.Theory;

[Collection("torch")]
public class CnnClosedFormTests
{
    static CnnTheory Theory(int kernel, bool bias = false, string init = "default", double sigma = 0.01, int seed = 0)
    {
        var config = TheoryFixtures.Config("cnn", kernel, bias, init, sigma, seed: seed);
        using var initial = TheoryFixtures.InitialParameters(config);
        return new CnnTheory(TestData.TrainingSeven, kernel, initial, bias);
    }

    /// <summary>For k² ≤ 784 the MNIST '7' gives P(x̂) full column rank, so GD must land on δ whatever w0 was.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void SmallKernelsConvergeToTheExactIdentity(int kernel)
    {
        using var theory = Theory(kernel, init: "gaussian", sigma: 0.5, seed: kernel);
        Assert.Equal(kernel * kernel, theory.Rank);
        Assert.Equal(0, theory.NullComponentNorm);
        Assert.True(TheoryFixtures.MaxAbs(theory.Initial, theory.Identity) > 0.1, "w0 already was the identity: the test would prove nothing");
        Assert.True(TheoryFixtures.MaxAbs(theory.Limit, theory.Identity) < 1e-10, $"w∞ − δ = {TheoryFixtures.MaxAbs(theory.Limit, theory.Identity)}");
        var probes = TheoryFixtures.Probes();
        var outputs = theory.Outputs(theory.Limit, probes);
        for (int i = 0; i < probes.Count; i++)
            Assert.True(TheoryFixtures.MaxAbs(outputs[i], probes[i]) < 1e-10, $"probe {i}: f∞(x) − x = {TheoryFixtures.MaxAbs(outputs[i], probes[i])}");
    }

    [Fact]
    public void WithABiasTheSmallKernelLimitIsStillTheIdentity()
    {
        using var theory = Theory(5, bias: true);
        Assert.Equal(26, theory.Rank);   // the ones column is not a combination of shifts of x̂
        Assert.True(TheoryFixtures.MaxAbs(theory.Limit, theory.Identity) < 1e-10);
        Assert.True(theory.Initial[25].item<double>() != 0, "the default init draws a nonzero bias");
    }

    /// <summary>k = 31: 961 taps, 784 equations, so P(x̂) must lose rank. One SVD of a 784 × 961 matrix serves every test below.</summary>
    static readonly Lazy<CnnTheory> Kernel31 = new(() => Theory(31));

    [Fact]
    public void LargeKernelLosesRankAndKeepsTheNullSpacePartOfW0()
    {
        var theory = Kernel31.Value;
        Assert.True(theory.Rank < 31 * 31, $"rank {theory.Rank}");
        Assert.True(theory.Rank <= 784);
        Assert.True(theory.NullComponentNorm > 1e-3, $"‖Π_N(w0 − δ)‖ = {theory.NullComponentNorm}");
        using var p = PatchMatrix.Of(TestData.TrainingSeven, 31);
        using var image = torch.tensor(TestData.TrainingSeven).to(float64);
        // Π_N(w0 − δ) is in the null space, and both closed forms interpolate x̂ and agree.
        Assert.True(p.matmul(theory.NullComponent).abs().max().item<double>() < 1e-10);
        Assert.True(TheoryFixtures.MaxAbs(p.matmul(theory.Limit), image) < 1e-10);
        Assert.True(TheoryFixtures.MaxAbs(theory.Limit, theory.TheoremForm) < 1e-10);
        Assert.True(TheoryFixtures.MaxAbs(theory.Limit, theory.Identity) > 1e-3, "rank deficiency must leave w∞ ≠ δ");
        var summary = theory.Summarize(theory.DefaultStepSize);
        Assert.Equal(theory.Rank, summary.Rank);
        Assert.NotNull(summary.SingularValueLargestZero);
        Assert.True(summary.SingularValueLargestZero < summary.RankTolerance && summary.RankTolerance < summary.SingularValueMinNonzero);
    }

    /// <summary>‖f∞(x) − x‖² ≤ k²‖x‖²‖Π_N(w0 − δ)‖² on every probe, and not vacuously: the error is nonzero.</summary>
    [Fact]
    public void BoundHoldsOnEveryProbeForARankDeficientKernel()
    {
        var theory = Kernel31.Value;
        var probes = TheoryFixtures.Probes();
        var outputs = theory.Outputs(theory.Limit, probes);
        double worst = 0;
        for (int i = 0; i < probes.Count; i++)
        {
            double error = SetComparisons.SquaredError(outputs[i], probes[i]);
            double bound = theory.BoundSquared(probes[i]);
            Assert.True(error <= bound * (1 + 1e-12), $"probe {i}: ‖f(x) − x‖² = {error} > bound {bound}");
            worst = Math.Max(worst, error / bound);
        }
        Assert.True(worst > 1e-6, $"worst ratio {worst}: the bound was never close to being tested");
    }

    /// <summary>
    /// Rank is found, not assumed: an x̂ that is dark except a corner patch makes every tap that
    /// shifts the patch out of the frame read only padding, so P(x̂) loses rank at k = 7 already.
    /// </summary>
    [Fact]
    public void CornerImageLosesRankAtASmallKernel()
    {
        var corner = CornerImage();
        using var initial = TheoryFixtures.InitialParameters(TheoryFixtures.Config("cnn", 7));
        using var theory = new CnnTheory(corner, 7, initial, bias: false);
        Assert.InRange(theory.Rank, 1, 48);
        Assert.True(theory.NullComponentNorm > 1e-3);
        Assert.True(TheoryFixtures.MaxAbs(theory.Limit, theory.TheoremForm) < 1e-10);
    }

    /// <summary>A 3×3 patch of distinct values in the top-left corner, zero elsewhere.</summary>
    public static float[] CornerImage()
    {
        var image = new float[784];
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++) image[r * 28 + c] = 0.1f * (1 + r * 3 + c);
        return image;
    }

    [Fact]
    public void DefaultStepIsTheOptimalConstantStepForTheSpectrum()
    {
        using var theory = Theory(5);
        var q = theory.Summarize(theory.DefaultStepSize);
        double kappa = q.ConditionNumber;
        Assert.Equal((kappa - 1) / (kappa + 1), q.ContractionPerStep, 9);
        Assert.Equal(2 / (q.LambdaMax + q.LambdaMinNonzero), q.StepSize, 12);
        Assert.Equal(2 * q.SingularValueMax * q.SingularValueMax / 784, q.LambdaMax, 12);
    }
}
