using IdentityCrisis.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Theory;

/// <summary>
/// P(x): the 784 × k² float64 matrix whose row p holds the zero-padded k×k patch of x centred
/// on pixel p, with columns in the order of a Conv2d kernel flattened row-major. Then a
/// single-channel "same" convolution (PyTorch's cross-correlation) is f(x) = P(x) w.
/// </summary>
public static class PatchMatrix
{
    public static Tensor Of(float[] image, int kernel)
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(image, [1, 1, ImageGeometry.Side, ImageGeometry.Side]).to(float64);
        // unfold: [1, k², 784], channel-major then kernel row then kernel column: Conv2d's weight layout.
        var columns = nn.functional.unfold(x, kernel, padding: kernel / 2);
        return columns[0].t().contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>[P(x) 1]: the patch matrix with a column of ones for the bias.</summary>
    public static Tensor WithBias(float[] image, int kernel)
    {
        using var scope = NewDisposeScope();
        var p = Of(image, kernel);
        return torch.cat([p, torch.ones(p.shape[0], 1, dtype: float64)], 1).MoveToOuterDisposeScope();
    }
}
