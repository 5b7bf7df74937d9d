using IdentityCrisis.Config;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace IdentityCrisis.Architectures;

/// <summary>
/// CNN: conv layers 1 -> C -> ... -> C -> 1 (depth 1 is a single 1 -> 1 conv), k x k
/// kernels, stride 1, "same" padding k/2 with the chosen mode, no pooling, so every map
/// stays 28x28. No activation after the last layer. Saved weights are named
/// layers.{i}.weight / layers.{i}.bias, as an nn.ModuleList named "layers" in PyTorch.
/// </summary>
public sealed class ConvolutionalNetwork : ImageNetwork
{
    private readonly ModuleList<Conv2d> layers = new();

    public ConvolutionalNetwork(ArchitectureConfig config) : base("cnn", config)
    {
        var mode = config.Padding switch
        {
            "zeros" => PaddingModes.Zeros,
            "circular" => PaddingModes.Circular,
            "reflect" => PaddingModes.Reflect,
            _ => throw new ConfigException($"architecture.padding = '{config.Padding}' is unknown"),
        };
        for (int i = 0; i < config.Depth; i++)
        {
            int inC = i == 0 ? 1 : config.Channels;
            int outC = i == config.Depth - 1 ? 1 : config.Channels;
            layers.Add(nn.Conv2d(inC, outC, config.Kernel, stride: 1, padding: config.Kernel / 2,
                                 bias: config.Bias, padding_mode: mode));
        }
        RegisterComponents();
    }

    public override IReadOnlyList<nn.Module<Tensor, Tensor>> WeightLayers => layers.Cast<nn.Module<Tensor, Tensor>>().ToList();
}
