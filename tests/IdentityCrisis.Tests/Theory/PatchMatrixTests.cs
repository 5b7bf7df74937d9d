using IdentityCrisis.Runtime;
using IdentityCrisis.Theory;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Tests.Theory;

[Collection("torch")]
public class PatchMatrixTests
{
    /// <summary>The closed forms rest on f(x) = P(x)w for the very Conv2d the network trains; a wrong tap order or padding shows here.</summary>
    [Theory]
    [InlineData(3, false)]
    [InlineData(5, true)]
    [InlineData(9, false)]
    public void PatchMatrixTimesKernelIsTheNetworksConvolution(int kernel, bool bias)
    {
        var config = TheoryFixtures.Config("cnn", kernel, bias, init: "gaussian", sigma: 0.3, seed: 7);
        TorchTestSetup.Init();
        using var network = TorchRuntime.CreateSeeded(config.Architecture, 7);
        if (bias)
        {
            using var noGrad = torch.no_grad();
            foreach (var p in network.parameters().Where(p => p.dim() == 1)) p.fill_(0.25f);   // gaussian init zeroes biases
        }
        using var theta = SingleLayerParameters.Read(network);
        foreach (var x in TheoryFixtures.Probes(2).Prepend(TestData.TrainingSeven))
        {
            using var scope = NewDisposeScope();
            var a = bias ? PatchMatrix.WithBias(x, kernel) : PatchMatrix.Of(x, kernel);
            var viaMatrix = a.matmul(theta);
            var viaNetwork = network.call(torch.tensor(x, [1, 1, 28, 28])).flatten().to(float64);
            Assert.True(TheoryFixtures.MaxAbs(viaMatrix, viaNetwork) < 1e-5, $"P(x)w differs from the network by {TheoryFixtures.MaxAbs(viaMatrix, viaNetwork)}");
        }
    }

    [Fact]
    public void CentreTapReproducesTheImage()
    {
        using var p = PatchMatrix.Of(TestData.TrainingSeven, 7);
        using var centre = p.select(1, 3 * 7 + 3);
        Assert.Equal(0, TheoryFixtures.MaxAbs(centre, torch.tensor(TestData.TrainingSeven)));
        Assert.Equal([784L, 49L], p.shape);
    }
}
