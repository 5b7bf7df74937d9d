using IdentityCrisis.Architectures;
using IdentityCrisis.Config;
using IdentityCrisis.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Theory;

/// <summary>
/// Plain GD repeated in float64 on a float64 copy of the same seeded network, with the same loss,
/// step size and number of steps as the float32 trainer. Where the float32 network and the exact
/// iterate θ_t disagree, this says which one to blame: float64 GD landing on θ_t leaves float32
/// rounding as the cause; float64 GD missing θ_t would mean the closed form is wrong.
/// </summary>
public static class Float64Gd
{
    public static Tensor Train(ArchitectureConfig architecture, int seed, float[] xhat, int steps, double learningRate, CancellationToken cancel = default)
    {
        using var network = TorchRuntime.CreateSeeded(architecture, seed);
        network.to(float64);
        using var x = torch.tensor(xhat, [1, 1, ImageGeometry.Side, ImageGeometry.Side]).to(float64);
        var parameters = network.parameters().ToList();
        for (int step = 0; step < steps; step++)
        {
            cancel.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            network.zero_grad();
            nn.functional.mse_loss(network.call(x), x).backward();
            using var noGrad = torch.no_grad();
            foreach (var p in parameters) p.sub_(learningRate * p.grad!);
        }
        return SingleLayerParameters.Read(network);
    }
}
