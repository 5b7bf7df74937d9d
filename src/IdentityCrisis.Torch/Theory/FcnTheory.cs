using IdentityCrisis.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Theory;

/// <summary>
/// A single linear layer f(x) = Wx (+ b) trained by GD on x̂. Each output row θᵢ = [wᵢ bᵢ] sees the
/// loss (θᵢᵀx̃ − x̂ᵢ)²/784 with x̃ = [x̂; 1] (or x̂ without a bias), so every gradient is a multiple
/// of x̃ᵀ and GD ends at Θ∞ = Θ0 + (x̂ − Θ0x̃) x̃ᵀ/‖x̃‖². Without a bias that is the paper's
/// W∞ = W0 + (x̂ − W0x̂)x̂ᵀ/‖x̂‖², i.e. f(x) = Π∥x + W0Π⊥x; with one it is
/// f(x) = c x̂ + W0(x − c x̂) + b0(1 − c), c = (x̂ᵀx + 1)/(‖x̂‖² + 1).
/// </summary>
public sealed class FcnTheory : ISingleLayerTheory
{
    readonly bool bias;
    readonly Tensor image, augmented, initial, limit;
    readonly double squaredNorm, weightVariance, biasVariance;

    /// <param name="initial">Θ0 = [W0 b0], [784, 784 (+1)].</param>
    /// <param name="weightVariance">Variance of the i.i.d. zero-mean entries of W0 (for the expected error).</param>
    /// <param name="biasVariance">Variance of the entries of b0 (0 when biases start at zero).</param>
    public FcnTheory(float[] xhat, Tensor initial, bool bias, double weightVariance, double biasVariance)
    {
        this.bias = bias;
        this.weightVariance = weightVariance;
        this.biasVariance = biasVariance;
        int n = ImageGeometry.Pixels + (bias ? 1 : 0);
        if (initial.dim() != 2 || initial.shape[0] != ImageGeometry.Pixels || initial.shape[1] != n)
            throw new ArgumentException($"Θ0 has shape [{string.Join(",", initial.shape)}], expected [{ImageGeometry.Pixels},{n}]");
        using var scope = NewDisposeScope();
        var x = torch.tensor(xhat).to(float64);
        var xt = bias ? torch.cat([x, torch.ones(1, dtype: float64)], 0) : x;
        squaredNorm = xt.square().sum().item<double>();
        if (squaredNorm == 0) throw new ConfigException("the training image is all zeros without a bias: gradient descent never moves");
        var theta0 = initial.to(float64);
        var residual = x - theta0.matmul(xt);
        image = x.MoveToOuterDisposeScope();
        augmented = xt.MoveToOuterDisposeScope();
        this.initial = theta0.clone().MoveToOuterDisposeScope();
        limit = (theta0 + torch.outer(residual, xt) / squaredNorm).MoveToOuterDisposeScope();
    }

    public Tensor Initial => initial;
    public Tensor Limit => limit;

    /// <summary>The Hessian of each row's loss, 2x̃x̃ᵀ/784, has the single nonzero eigenvalue λ = 2‖x̃‖²/784.</summary>
    public double Lambda => 2 * squaredNorm / ImageGeometry.Pixels;

    /// <summary>1/λ, which is 2/(λ_max + λ_min⁺) for a rank-one Hessian: one exact step lands on Θ∞.</summary>
    public double DefaultStepSize => 1 / Lambda;

    public Tensor Iterate(int steps, double stepSize)
    {
        using var scope = NewDisposeScope();
        double decay = Math.Pow(1 - stepSize * Lambda, steps);
        return (limit + decay * (initial - limit)).MoveToOuterDisposeScope();
    }

    public double[][] Outputs(Tensor parameters, IReadOnlyList<float[]> inputs)
    {
        using var scope = NewDisposeScope();
        var y = Augment(Batch(inputs)).matmul(parameters.to(float64).t());
        return Rows(y);
    }

    /// <summary>Adds the decomposition error and the expected squared error over W0 to each probe.</summary>
    public IReadOnlyList<ProbeTheoryValues> Annotate(IReadOnlyList<ProbeTheoryValues> probes)
    {
        using var scope = NewDisposeScope();
        var x = Batch(probes.Select(p => p.Input).ToList());                                      // [N, 784]
        double offset = bias ? 1 : 0;
        var c = (x.matmul(image) + offset) / (image.square().sum() + offset);                     // [N]
        var perpendicular = x - c.unsqueeze(1) * image.unsqueeze(0);                              // Π⊥x (bias: x − c x̂)
        var w0 = initial.narrow(1, 0, ImageGeometry.Pixels);
        var decomposition = c.unsqueeze(1) * image.unsqueeze(0) + perpendicular.matmul(w0.t());
        if (bias) decomposition += (1 - c).unsqueeze(1) * initial.select(1, ImageGeometry.Pixels).unsqueeze(0);
        var expected = (1 + ImageGeometry.Pixels * weightVariance) * perpendicular.square().sum(1);
        if (bias) expected += ImageGeometry.Pixels * biasVariance * (1 - c).square();

        var decompositionRows = Rows(decomposition);
        var expectedValues = expected.data<double>().ToArray();
        return probes.Select((p, i) => p with
        {
            DecompositionMaxAbsError = MaxAbs(p.Predicted, decompositionRows[i]),
            ExpectedSquaredError = expectedValues[i],
        }).ToList();
    }

    public QuadraticSummary Summarize(double stepSize)
    {
        using var scope = NewDisposeScope();
        double sigma = Math.Sqrt(squaredNorm);
        int columns = (int)augmented.shape[0];
        double trainLoss = (limit.matmul(augmented) - image).square().mean().item<double>();
        return new QuadraticSummary(
            Matrix: bias ? "[x̂ᵀ 1] (each row [wᵢ bᵢ])" : "x̂ᵀ (each row wᵢ)", Rows: 1, Columns: columns, Rank: 1,
            RankTolerance: TheoryTolerances.RankTolerance(sigma, 1, columns),
            SingularValueMax: sigma, SingularValueMinNonzero: sigma, SingularValueLargestZero: null, ConditionNumber: 1,
            LambdaMax: Lambda, LambdaMinNonzero: Lambda, StepSize: stepSize, ContractionPerStep: Math.Abs(1 - stepSize * Lambda),
            NullComponentNorm: null, FormsMaxAbsDiff: null, PredictedTrainLoss: trainLoss);
    }

    static Tensor Batch(IReadOnlyList<float[]> inputs) =>
        torch.tensor(inputs.SelectMany(i => i).ToArray(), [inputs.Count, ImageGeometry.Pixels]).to(float64);

    Tensor Augment(Tensor x) => bias ? torch.cat([x, torch.ones(x.shape[0], 1, dtype: float64)], 1) : x;

    static double[][] Rows(Tensor y)
    {
        var flat = y.contiguous().data<double>().ToArray();
        int n = (int)y.shape[0], width = (int)y.shape[1];
        return Enumerable.Range(0, n).Select(i => flat.AsSpan(i * width, width).ToArray()).ToArray();
    }

    static double MaxAbs(double[] a, double[] b)
    {
        double m = 0;
        for (int i = 0; i < a.Length; i++) m = Math.Max(m, Math.Abs(a[i] - b[i]));
        return m;
    }

    public void Dispose()
    {
        foreach (var t in new[] { image, augmented, initial, limit }) t.Dispose();
    }
}
