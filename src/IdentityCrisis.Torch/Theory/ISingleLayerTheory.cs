using IdentityCrisis.Theory;
using static TorchSharp.torch;

namespace IdentityCrisis.Theory;

/// <summary>
/// The closed-form behaviour of plain gradient descent on a single linear layer trained on one
/// image x̂ with loss ‖f(x̂) − x̂‖²/784. Parameters are float64 tensors in the layout of
/// <see cref="SingleLayerParameters"/>.
/// </summary>
public interface ISingleLayerTheory : IDisposable
{
    /// <summary>θ0, the parameters training starts from.</summary>
    Tensor Initial { get; }
    /// <summary>θ∞, the point GD converges to for any stable step: the interpolating solution closest to θ0.</summary>
    Tensor Limit { get; }
    /// <summary>
    /// 2/(λ_max + λ_min⁺) for the Hessian H = 2AᵀA/784: the constant step that makes the slowest
    /// row-space direction contract fastest, max |1 − ηλ| = (κ − 1)/(κ + 1).
    /// </summary>
    double DefaultStepSize { get; }
    /// <summary>θ_t = θ∞ + (I − ηH)^t (θ0 − θ∞): where GD stands after <paramref name="steps"/> exact steps.</summary>
    Tensor Iterate(int steps, double stepSize);
    /// <summary>f_θ(x) in float64 for each input.</summary>
    double[][] Outputs(Tensor parameters, IReadOnlyList<float[]> inputs);
    /// <summary>Adds the architecture's own per-probe quantities (FCN decomposition and expectation, CNN bound).</summary>
    IReadOnlyList<ProbeTheoryValues> Annotate(IReadOnlyList<ProbeTheoryValues> probes);
    QuadraticSummary Summarize(double stepSize);
}
