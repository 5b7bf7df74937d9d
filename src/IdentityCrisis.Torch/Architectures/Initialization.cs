using IdentityCrisis.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Architectures;

/// <summary>
/// Initial weights. "default" keeps LibTorch's own reset (the same as PyTorch's:
/// kaiming-uniform with a = sqrt(5) and a uniform bias), which is what an unmodified
/// PyTorch script would train from. The others draw weights as named and zero the biases.
/// </summary>
public static class Initialization
{
    public static void Apply(ImageNetwork network, ArchitectureConfig config)
    {
        if (config.Init == "default") return;
        using var noGrad = torch.no_grad();
        foreach (var layer in network.WeightLayers)
        {
            var (weight, bias) = WeightAndBias(layer);
            switch (config.Init)
            {
                case "he": nn.init.kaiming_normal_(weight, mode: nn.init.FanInOut.FanIn, nonlinearity: nn.init.NonlinearityType.ReLU); break;
                case "glorot": nn.init.xavier_normal_(weight); break;
                case "gaussian": nn.init.normal_(weight, 0.0, config.InitSigma); break;
                default: throw new ConfigException($"architecture.init = '{config.Init}' is unknown");
            }
            bias?.zero_();
        }
    }

    internal static (Tensor weight, Tensor? bias) WeightAndBias(nn.Module<Tensor, Tensor> layer) => layer switch
    {
        TorchSharp.Modules.Linear l => (l.weight!, l.bias),
        TorchSharp.Modules.Conv2d c => (c.weight!, c.bias),
        _ => throw new InvalidOperationException($"unsupported layer type {layer.GetType().Name}"),
    };
}
