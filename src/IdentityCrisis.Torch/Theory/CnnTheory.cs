using IdentityCrisis.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Theory;

/// <summary>
/// A single-channel k×k "same" zero-padded convolution, f(x) = P(x)w (+ b), trained by GD on x̂.
/// With A = P(x̂) (or [P(x̂) 1] with a bias) the loss is ‖Aθ − x̂‖²/784 and every gradient lies
/// in the row space of A, so GD ends at θ∞ = θ0 − A⁺(Aθ0 − x̂): the interpolating kernel nearest
/// θ0. The identity kernel θδ = (δ, 0) interpolates x̂ (zero padding keeps the centre tap exact),
/// hence also θ∞ = θδ + Π_N(θ0 − θδ), Π_N the projector onto the null space of A. Both routes are
/// computed from one SVD; they agree exactly when Aθδ = x̂, so their agreement checks that the
/// identity kernel really fits x̂ (tap order, padding) as well as the SVD's accuracy.
/// </summary>
public sealed class CnnTheory : ISingleLayerTheory
{
    readonly int kernel;
    readonly bool bias;
    readonly Tensor a, target, rowBasis, singular, initial, limit, identity, nullComponent, theoremForm;
    readonly double rankTolerance;
    readonly double? largestZero;

    public int Rank { get; }
    public int Parameters { get; }

    /// <param name="initial">θ0 in <see cref="SingleLayerParameters"/> layout: k² kernel taps, then the bias if any.</param>
    public CnnTheory(float[] xhat, int kernel, Tensor initial, bool bias)
    {
        this.kernel = kernel;
        this.bias = bias;
        Parameters = kernel * kernel + (bias ? 1 : 0);
        if (initial.numel() != Parameters)
            throw new ArgumentException($"θ0 has {initial.numel()} values; a {kernel}x{kernel} kernel{(bias ? " with bias" : "")} has {Parameters}");
        using var scope = NewDisposeScope();
        var matrix = bias ? PatchMatrix.WithBias(xhat, kernel) : PatchMatrix.Of(xhat, kernel);   // [784, n]
        var (u, s, vh) = torch.linalg.svd(matrix, fullMatrices: false);                          // s descending
        var sv = s.data<double>().ToArray();
        rankTolerance = TheoryTolerances.RankTolerance(sv.Length > 0 ? sv[0] : 0, (int)matrix.shape[0], (int)matrix.shape[1]);
        Rank = sv.Count(v => v > rankTolerance);
        largestZero = Rank < Parameters ? (Rank < sv.Length ? sv[Rank] : 0.0) : null;

        var ur = u.narrow(1, 0, Rank);
        var sr = s.narrow(0, 0, Rank);
        var vr = vh.narrow(0, 0, Rank).t();                                                       // [n, r]
        var y = torch.tensor(xhat).to(float64);
        var theta0 = initial.to(float64).flatten();

        // θ∞ = θ0 − A⁺(Aθ0 − x̂), A⁺ = V_r Σ_r⁻¹ U_rᵀ on the singular values above the tolerance.
        var residual0 = matrix.matmul(theta0) - y;
        var lim = theta0 - vr.matmul(ur.t().matmul(residual0) / sr);

        var delta = torch.zeros(Parameters, dtype: float64);
        delta[kernel / 2 * kernel + kernel / 2] = 1.0;
        var offset = theta0 - delta;
        // At full column rank the null space is {0}; subtracting V_rV_rᵀ from I would leave ~1e-15
        // of rounding that the bound would then mistake for a real (if tiny) null-space component.
        var nullPart = Rank < Parameters ? offset - vr.matmul(vr.t().matmul(offset)) : torch.zeros_like(offset);

        a = matrix.MoveToOuterDisposeScope();
        target = y.MoveToOuterDisposeScope();
        rowBasis = vr.contiguous().MoveToOuterDisposeScope();
        singular = sr.contiguous().MoveToOuterDisposeScope();
        this.initial = theta0.clone().MoveToOuterDisposeScope();
        limit = lim.MoveToOuterDisposeScope();
        identity = delta.MoveToOuterDisposeScope();
        nullComponent = nullPart.MoveToOuterDisposeScope();
        theoremForm = (delta + nullPart).MoveToOuterDisposeScope();
    }

    public Tensor Initial => initial;
    public Tensor Limit => limit;
    /// <summary>δ + Π_N(θ0 − δ), the paper's form of the limit.</summary>
    public Tensor TheoremForm => theoremForm;
    /// <summary>Π_N(θ0 − θδ).</summary>
    public Tensor NullComponent => nullComponent;
    /// <summary>The identity kernel θδ: centre tap 1, bias 0.</summary>
    public Tensor Identity => identity;
    public double NullComponentNorm => nullComponent.norm().item<double>();

    double SigmaMax => Rank > 0 ? singular[0].item<double>() : 0;
    double SigmaMinNonzero => Rank > 0 ? singular[Rank - 1].item<double>() : 0;
    static double Lambda(double sigma) => 2 * sigma * sigma / ImageGeometry.Pixels;

    public double DefaultStepSize => Rank > 0
        ? 2 / (Lambda(SigmaMax) + Lambda(SigmaMinNonzero))
        : throw new ConfigException("the training image is all zeros: P(x̂) = 0 and gradient descent never moves");

    public Tensor Iterate(int steps, double stepSize)
    {
        using var scope = NewDisposeScope();
        var lambdas = 2 * singular * singular / ImageGeometry.Pixels;
        var decay = (1 - stepSize * lambdas).pow(steps);
        var gap = initial - limit;                     // lies in the row space: only its components there decay
        return (limit + rowBasis.matmul(decay * rowBasis.t().matmul(gap))).MoveToOuterDisposeScope();
    }

    public double[][] Outputs(Tensor parameters, IReadOnlyList<float[]> inputs)
    {
        using var scope = NewDisposeScope();
        var theta = parameters.to(float64).flatten();
        var weight = theta.narrow(0, 0, kernel * kernel).reshape(1, 1, kernel, kernel);
        var b = bias ? theta.narrow(0, kernel * kernel, 1) : null;
        var x = torch.tensor(inputs.SelectMany(i => i).ToArray(), [inputs.Count, 1, ImageGeometry.Side, ImageGeometry.Side]).to(float64);
        var y = nn.functional.conv2d(x, weight, b, padding: [kernel / 2, kernel / 2]).reshape(inputs.Count, ImageGeometry.Pixels);
        var flat = y.contiguous().data<double>().ToArray();
        return Enumerable.Range(0, inputs.Count).Select(i => flat.AsSpan(i * ImageGeometry.Pixels, ImageGeometry.Pixels).ToArray()).ToArray();
    }

    /// <summary>
    /// B(x) = ‖A(x)‖_F² ‖Π_N(θ0 − θδ)‖² with ‖P(x)‖_F² ≤ k²‖x‖² (each of the k² columns is a
    /// zero-padded shift of x) and 784 more for the bias column: since f∞(x) − x = A(x)Π_N(θ0 − θδ),
    /// Cauchy–Schwarz gives ‖f∞(x) − x‖² ≤ B(x), the paper's k²‖x‖²‖Π_N(w0 − δ)‖² without a bias.
    /// </summary>
    public double BoundSquared(float[] x)
    {
        double normX = 0;
        foreach (var v in x) normX += (double)v * v;
        double columns = kernel * kernel * normX + (bias ? ImageGeometry.Pixels : 0);
        double n = NullComponentNorm;
        return columns * n * n;
    }

    public IReadOnlyList<ProbeTheoryValues> Annotate(IReadOnlyList<ProbeTheoryValues> probes) =>
        probes.Select(p => p with { BoundSquared = BoundSquared(p.Input) }).ToList();

    public QuadraticSummary Summarize(double stepSize)
    {
        using var scope = NewDisposeScope();
        double sMax = SigmaMax, sMin = SigmaMinNonzero;
        double contraction = Rank > 0 ? Math.Max(Math.Abs(1 - stepSize * Lambda(sMax)), Math.Abs(1 - stepSize * Lambda(sMin))) : 1;
        double trainLoss = (a.matmul(limit) - target).square().mean().item<double>();
        return new QuadraticSummary(
            Matrix: bias ? "[P(x̂) 1]" : "P(x̂)", Rows: (int)a.shape[0], Columns: (int)a.shape[1], Rank, rankTolerance,
            sMax, sMin, largestZero, ConditionNumber: sMax * sMax / (sMin * sMin),
            Lambda(sMax), Lambda(sMin), stepSize, contraction,
            NullComponentNorm, FormsMaxAbsDiff: (limit - theoremForm).abs().max().item<double>(), trainLoss);
    }

    public void Dispose()
    {
        foreach (var t in new[] { a, target, rowBasis, singular, initial, limit, identity, nullComponent, theoremForm }) t.Dispose();
    }
}
