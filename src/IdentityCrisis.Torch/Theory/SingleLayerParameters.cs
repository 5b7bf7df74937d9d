using IdentityCrisis.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Theory;

/// <summary>
/// A depth-1 network's parameters as one float64 tensor: FCN [784, 784 (+1)] = [W b], one row
/// per output pixel; CNN [k² (+1)] = [kernel flattened row-major, b]. The layout the closed forms use.
/// </summary>
public static class SingleLayerParameters
{
    public static Tensor Read(ImageNetwork network)
    {
        if (network.WeightLayers.Count != 1)
            throw new ArgumentException($"the closed forms describe a single layer; this network has {network.WeightLayers.Count}");
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        var (weight, bias) = Initialization.WeightAndBias(network.WeightLayers[0]);
        var w = weight.detach().cpu().to(float64);
        var b = bias?.detach().cpu().to(float64);
        Tensor result = network.Config.Kind == "fcn"
            ? (b is null ? w : torch.cat([w, b.unsqueeze(1)], 1))
            : (b is null ? w.flatten() : torch.cat([w.flatten(), b], 0));
        return result.contiguous().clone().MoveToOuterDisposeScope();
    }
}
