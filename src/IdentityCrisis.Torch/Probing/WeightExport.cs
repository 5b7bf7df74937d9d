using IdentityCrisis.Architectures;
using IdentityCrisis.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Probing;

/// <summary>Moves weights between a network and plain <see cref="NamedTensor"/>s (state_dict names, e.g. layers.0.weight).</summary>
public static class WeightExport
{
    public static IReadOnlyList<NamedTensor> Export(ImageNetwork network) =>
        network.state_dict()
            .Select(kv => new NamedTensor(kv.Key, kv.Value.shape, kv.Value.detach().cpu().contiguous().data<float>().ToArray()))
            .ToList();

    public static void Import(ImageNetwork network, IReadOnlyList<NamedTensor> tensors)
    {
        var state = network.state_dict();
        var byName = tensors.ToDictionary(t => t.Name);
        using var noGrad = torch.no_grad();
        foreach (var (name, param) in state)
        {
            if (!byName.TryGetValue(name, out var t))
                throw new InvalidDataException($"weight file has no tensor '{name}' (was it saved from a different architecture?)");
            if (!t.Shape.SequenceEqual(param.shape))
                throw new InvalidDataException($"tensor '{name}' has shape [{string.Join(",", t.Shape)}], the network expects [{string.Join(",", param.shape)}]");
            using var src = torch.tensor(t.Data, t.Shape);
            param.copy_(src);
        }
    }
}
