using IdentityCrisis.Config;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace IdentityCrisis.Architectures;

/// <summary>
/// FCN: 784 -> width -> ... -> width -> 784 with depth weight layers; hidden layers take the
/// activation, the output layer is linear and reshaped to 1x28x28. Depth 1 is a single
/// 784x784 matrix. Saved weights are named layers.{i}.weight / layers.{i}.bias.
/// </summary>
public sealed class FullyConnectedNetwork : ImageNetwork
{
    private readonly ModuleList<Linear> layers = new();

    public FullyConnectedNetwork(ArchitectureConfig config) : base("fcn", config)
    {
        for (int i = 0; i < config.Depth; i++)
        {
            int fanIn = i == 0 ? ImageGeometry.Pixels : config.Width;
            int fanOut = i == config.Depth - 1 ? ImageGeometry.Pixels : config.Width;
            layers.Add(nn.Linear(fanIn, fanOut, hasBias: config.Bias));
        }
        RegisterComponents();
    }

    public override IReadOnlyList<nn.Module<Tensor, Tensor>> WeightLayers => layers.Cast<nn.Module<Tensor, Tensor>>().ToList();

    protected override Tensor ToLayerInput(Tensor input) => input.reshape(input.shape[0], ImageGeometry.Pixels);   // [N,784]

    protected override Tensor ToImage(Tensor output, Tensor input) =>
        output.reshape(input.shape[0], 1, ImageGeometry.Side, ImageGeometry.Side);                                   // [N,1,28,28]
}
