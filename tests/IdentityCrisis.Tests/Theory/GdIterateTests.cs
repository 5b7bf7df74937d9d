using IdentityCrisis.Config;
using IdentityCrisis.Theory;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Tests.Theory;

[Collection("torch")]
public class GdIterateTests
{
    /// <summary>
    /// θ_t = θ∞ + (I − ηH)^t(θ0 − θ∞) against gradient descent run in float64 with autograd on the
    /// same loss the trainer uses (MSE over 784 pixels), so the formula is checked free of float32 rounding.
    /// </summary>
    /// <remarks>The corner image (rank-deficient P at k = 7) checks that null-space directions stay put.</remarks>
    [Theory]
    [InlineData(9, false, false, 300)]
    [InlineData(7, true, true, 200)]
    public void ExactIterateMatchesFloat64GradientDescent(int kernel, bool bias, bool cornerImage, int steps)
    {
        var xhat = cornerImage ? CnnClosedFormTests.CornerImage() : TestData.TrainingSeven;
        var config = TheoryFixtures.Config("cnn", kernel, bias);
        using var initial = TheoryFixtures.InitialParameters(config);
        using var theory = new CnnTheory(xhat, kernel, initial, bias);
        Assert.Equal(cornerImage, theory.Rank < theory.Parameters);
        double lr = theory.DefaultStepSize;
        using var a = bias ? PatchMatrix.WithBias(xhat, kernel) : PatchMatrix.Of(xhat, kernel);
        using var target = torch.tensor(xhat).to(float64);
        using var theta = initial.clone().requires_grad_(true);
        for (int t = 0; t < steps; t++)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.mse_loss(a.matmul(theta), target);
            loss.backward();
            using (torch.no_grad()) theta.sub_(lr * theta.grad!);
            theta.grad!.zero_();
        }
        using var iterate = theory.Iterate(steps, lr);
        Assert.True(TheoryFixtures.MaxAbs(theta.detach(), iterate) < 1e-10, $"GD vs formula: {TheoryFixtures.MaxAbs(theta.detach(), iterate)}");
        Assert.True(TheoryFixtures.MaxAbs(iterate, theory.Limit) > 1e-4, "GD was already at the limit: the iterate formula went untested");
    }

    [Fact]
    public void FcnIterateWithASmallStepApproachesTheLimitGeometrically()
    {
        var config = TheoryFixtures.Config("fcn");
        using var initial = TheoryFixtures.InitialParameters(config);
        using var theory = new FcnTheory(TestData.TrainingSeven, initial, bias: false, 1.0 / (3 * 784), 0);
        double lr = 0.25 * theory.DefaultStepSize;   // contraction 0.75 per step
        using var start = theory.Iterate(0, lr);
        using var fourth = theory.Iterate(4, lr);
        using var oneExactStep = theory.Iterate(1, theory.DefaultStepSize);
        double d0 = TheoryFixtures.MaxAbs(start, theory.Limit), d4 = TheoryFixtures.MaxAbs(fourth, theory.Limit);
        Assert.Equal(TheoryFixtures.MaxAbs(theory.Initial, theory.Limit), d0, 12);
        Assert.Equal(Math.Pow(0.75, 4), d4 / d0, 9);
        Assert.Equal(0, TheoryFixtures.MaxAbs(oneExactStep, theory.Limit), 12);
        Assert.Equal(ImageGeometry.Pixels / (2 * TestData.TrainingSeven.Sum(v => (double)v * v)), theory.DefaultStepSize, 12);
    }
}
