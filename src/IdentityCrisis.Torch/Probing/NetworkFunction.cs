using IdentityCrisis.Architectures;
using IdentityCrisis.Config;
using IdentityCrisis.Probes;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Probing;

/// <summary>A trained network seen as a plain image -> image function, evaluated in batches without gradients.</summary>
public sealed class NetworkFunction(ImageNetwork network, Device device, int batchSize = 256) : IImageFunction
{
    public IReadOnlyList<float[]> Apply(IReadOnlyList<float[]> inputs)
    {
        network.eval();
        var outputs = new List<float[]>(inputs.Count);
        using var noGrad = torch.no_grad();
        for (int start = 0; start < inputs.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var chunk = inputs.Skip(start).Take(batchSize).ToList();
            var x = TensorImages.ToTensor(chunk, device);
            var y = network.call(x).cpu();                                   // [n,1,28,28]
            outputs.AddRange(TensorImages.ToArrays(y));
        }
        return outputs;
    }

    /// <summary>
    /// Every layer's output for each input, reduced to one 28x28 map per layer: CNN hidden
    /// layers are averaged over channels (the mean activation a pixel receives), FCN hidden
    /// layers have no spatial layout and are returned as flat vectors. The last entry is the output.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<float[]>> LayerMaps(IReadOnlyList<float[]> inputs)
    {
        network.eval();
        using var noGrad = torch.no_grad();
        using var scope = NewDisposeScope();
        var x = TensorImages.ToTensor(inputs, device);
        var layers = network.ForwardLayers(x);
        var result = new List<IReadOnlyList<float[]>>(layers.Count);
        foreach (var h in layers)
        {
            var map = h.dim() == 4 ? h.mean([1L], keepdim: true) : h;      // [n,1,28,28] or [n,width]
            result.Add(TensorImages.ToArrays(map.cpu()));
        }
        return result;
    }
}

/// <summary>Conversions between float[784] images and [N,1,28,28] tensors.</summary>
public static class TensorImages
{
    public static Tensor ToTensor(IReadOnlyList<float[]> images, Device device)
    {
        var flat = new float[images.Count * ImageGeometry.Pixels];
        for (int i = 0; i < images.Count; i++) images[i].CopyTo(flat, i * ImageGeometry.Pixels);
        return torch.tensor(flat, [images.Count, 1, ImageGeometry.Side, ImageGeometry.Side], device: device);
    }

    public static List<float[]> ToArrays(Tensor t)
    {
        long n = t.shape[0];
        var all = t.contiguous().data<float>().ToArray();
        int per = (int)(all.Length / Math.Max(n, 1));
        var list = new List<float[]>((int)n);
        for (int i = 0; i < n; i++) list.Add(all.AsSpan(i * per, per).ToArray());
        return list;
    }
}
