using IdentityCrisis.Architectures;
using IdentityCrisis.Config;
using IdentityCrisis.Results;
using IdentityCrisis.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Tests.Architectures;

[Collection("torch")]
public class ArchitectureTests
{
    /// <summary>A small, valid config of every registered kind: a new registry entry is tested here for free.</summary>
    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var name in ArchitectureRegistry.Names) data.Add(name);
        return data;
    }

    static ArchitectureConfig Small(string kind) => new() { Kind = kind, Depth = 3, Width = 64, Channels = 4, Kernel = 3 };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MapsOneImageToOneImageOfTheSameShape(string kind)
    {
        TorchTestSetup.Init();
        foreach (var act in ArchitectureConfig.Activations)
            foreach (var init in ArchitectureConfig.Inits)
            {
                using var scope = NewDisposeScope();
                using var net = ArchitectureRegistry.Create(Small(kind) with { Activation = act, Init = init });
                var y = net.call(torch.rand(1, 1, 28, 28));
                Assert.Equal([1L, 1, 28, 28], y.shape);
                Assert.Equal(3, net.ForwardLayers(torch.rand(2, 1, 28, 28)).Count);
            }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TrainsAFewStepsWithFiniteDecreasingLoss(string kind)
    {
        TorchTestSetup.Init();
        torch.manual_seed(1);
        using var net = ArchitectureRegistry.Create(Small(kind));
        using var x = torch.tensor(TestData.TrainingSeven, [1, 1, 28, 28]);
        var r = new Trainer().Train(net, x, new TrainingConfig { Optimizer = "adam", LearningRate = 1e-3, MaxSteps = 20, Tolerance = 0 });
        Assert.Equal(TrainingOutcome.MaxSteps, r.Outcome);
        Assert.Equal(20, r.Steps);
        Assert.All(r.LossCurve, p => Assert.True(double.IsFinite(p.Loss)));
        Assert.True(r.FinalLoss < r.LossCurve[0].Loss, $"loss went from {r.LossCurve[0].Loss} to {r.FinalLoss}");
    }

    [Fact]
    public void FcnLayerShapesFollowDepthAndWidth()
    {
        TorchTestSetup.Init();
        using var net = ArchitectureRegistry.Create(new ArchitectureConfig { Kind = "fcn", Depth = 3, Width = 50, Bias = false });
        var shapes = net.state_dict().Select(kv => $"{kv.Key}:{string.Join("x", kv.Value.shape)}").ToList();
        Assert.Equal(["layers.0.weight:50x784", "layers.1.weight:50x50", "layers.2.weight:784x50"], shapes);
    }

    [Fact]
    public void CnnLayerShapesFollowDepthChannelsAndKernel()
    {
        TorchTestSetup.Init();
        using var net = ArchitectureRegistry.Create(new ArchitectureConfig { Kind = "cnn", Depth = 3, Channels = 8, Kernel = 5 });
        var shapes = net.state_dict().Select(kv => $"{kv.Key}:{string.Join("x", kv.Value.shape)}").ToList();
        Assert.Equal(["layers.0.weight:8x1x5x5", "layers.0.bias:8", "layers.1.weight:8x8x5x5", "layers.1.bias:8",
                      "layers.2.weight:1x8x5x5", "layers.2.bias:1"], shapes);
        using var single = ArchitectureRegistry.Create(new ArchitectureConfig { Kind = "cnn", Depth = 1, Channels = 8, Kernel = 7 });
        Assert.Equal([1L, 1, 7, 7], single.state_dict()["layers.0.weight"].shape);
    }

    [Theory]
    [InlineData("zeros")]
    [InlineData("circular")]
    [InlineData("reflect")]
    public void PaddingModesDifferAtTheBorder(string mode)
    {
        TorchTestSetup.Init();
        // An all-ones kernel of size 3 on an all-ones image: the corner sees 4 ones with zero
        // padding, 9 with circular or reflect padding.
        using var net = ArchitectureRegistry.Create(new ArchitectureConfig { Kind = "cnn", Depth = 1, Kernel = 3, Padding = mode, Bias = false, Activation = "linear" });
        using (torch.no_grad()) net.state_dict()["layers.0.weight"].fill_(1);
        var y = net.call(torch.ones(1, 1, 28, 28));
        float corner = y[0, 0, 0, 0].item<float>();
        Assert.Equal(mode == "zeros" ? 4f : 9f, corner);
        Assert.Equal(9f, y[0, 0, 14, 14].item<float>());
    }

    [Fact]
    public void GaussianInitHasTheRequestedSpreadAndZeroBias()
    {
        TorchTestSetup.Init();
        torch.manual_seed(3);
        using var net = ArchitectureRegistry.Create(new ArchitectureConfig { Kind = "fcn", Depth = 1, Init = "gaussian", InitSigma = 0.05 });
        var w = net.state_dict()["layers.0.weight"];
        Assert.InRange(w.std().item<float>(), 0.049, 0.051);
        Assert.Equal(0f, net.state_dict()["layers.0.bias"].abs().max().item<float>());
    }

    [Fact]
    public void HeInitUsesFanIn()
    {
        TorchTestSetup.Init();
        torch.manual_seed(4);
        using var net = ArchitectureRegistry.Create(new ArchitectureConfig { Kind = "cnn", Depth = 2, Channels = 64, Kernel = 5, Init = "he" });
        // second layer: fan_in = 64 * 25, std = sqrt(2 / 1600) = 0.0354
        var w = net.state_dict()["layers.1.weight"];
        Assert.InRange(w.std().item<float>(), 0.0345, 0.0362);
    }

    [Fact]
    public void ImpossibleSettingsAreRejectedBeforeBuilding()
    {
        var e = Assert.Throws<ConfigException>(() => ArchitectureRegistry.Create(new ArchitectureConfig { Kind = "cnn", Kernel = 6, Depth = 0 }));
        Assert.Contains(e.Errors, m => m.Contains("kernel = 6"));
        Assert.Contains(e.Errors, m => m.Contains("depth = 0"));
    }
}
