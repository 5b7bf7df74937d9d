using IdentityCrisis.Config;

namespace IdentityCrisis.Theory;

/// <summary>
/// One probe seen by the theory check: its input, the trained network's output (float32), the
/// closed form's outputs (float64) at the GD limit θ∞ and at the GD iterate θ_t, and the
/// architecture's own quantities.
/// </summary>
public sealed record ProbeTheoryValues(float[] Input, float[] Trained, double[] Predicted, double[] Iterate)
{
    /// <summary>FCN: E over W0 of ‖f∞(x) − x‖² (not divided by 784).</summary>
    public double? ExpectedSquaredError { get; init; }
    /// <summary>FCN: max abs of f∞(x) minus the decomposition Π∥x + W0Π⊥x.</summary>
    public double? DecompositionMaxAbsError { get; init; }
    /// <summary>CNN: B(x) = k²‖x‖²‖Π_N(w0 − δ)‖² (+ 784‖…‖² with a bias), the bound on ‖f∞(x) − x‖².</summary>
    public double? BoundSquared { get; init; }
}

/// <summary>Reduces per-probe values to the numbers of one <see cref="SetComparison"/>.</summary>
public static class SetComparisons
{
    static readonly double Sqrt784 = Math.Sqrt(ImageGeometry.Pixels);

    public static SetComparison Compare(string set, IReadOnlyList<ProbeTheoryValues> probes)
    {
        if (probes.Count == 0) throw new ArgumentException($"probe set '{set}' is empty");
        double maxDiff = 0, maxDiffIterate = 0, measured = 0, predicted = 0, iterate = 0;
        foreach (var p in probes)
        {
            maxDiff = Math.Max(maxDiff, MaxAbsDiff(p.Trained, p.Predicted));
            maxDiffIterate = Math.Max(maxDiffIterate, MaxAbsDiff(p.Trained, p.Iterate));
            measured += SquaredError(p.Trained, p.Input);
            predicted += SquaredError(p.Predicted, p.Input);
            iterate += SquaredError(p.Iterate, p.Input);
        }
        double perPixel = (double)probes.Count * ImageGeometry.Pixels;

        double? expected = probes.All(p => p.ExpectedSquaredError is not null)
            ? probes.Sum(p => p.ExpectedSquaredError!.Value) / perPixel : null;
        double? decomposition = probes.All(p => p.DecompositionMaxAbsError is not null)
            ? probes.Max(p => p.DecompositionMaxAbsError!.Value) : null;

        double? ratioPredicted = null, ratioMeasured = null, boundMse = null, excessPredicted = null, excessMeasured = null;
        int? zeroBounds = null;
        if (probes.All(p => p.BoundSquared is not null))
        {
            zeroBounds = 0;
            boundMse = probes.Sum(p => p.BoundSquared!.Value) / perPixel;
            excessPredicted = excessMeasured = double.NegativeInfinity;
            foreach (var p in probes)
            {
                double bound = p.BoundSquared!.Value;
                double errPredicted = SquaredError(p.Predicted, p.Input), errMeasured = SquaredError(p.Trained, p.Input);
                if (bound > 0)
                {
                    ratioPredicted = Math.Max(ratioPredicted ?? 0, errPredicted / bound);
                    ratioMeasured = Math.Max(ratioMeasured ?? 0, errMeasured / bound);
                }
                else zeroBounds++;
                excessPredicted = Math.Max(excessPredicted.Value, (Math.Sqrt(errPredicted) - Math.Sqrt(bound)) / Sqrt784);
                excessMeasured = Math.Max(excessMeasured.Value, (Math.Sqrt(errMeasured) - Math.Sqrt(bound)) / Sqrt784);
            }
        }
        // A per-pixel error of at most τ moves the norm by at most 28τ, so the bound is held to the
        // precision each function is computed at, and never loosened beyond it.
        bool? holdsPredicted = excessPredicted is { } ep ? ep <= TheoryTolerances.Float64 : null;
        bool? holdsMeasured = excessMeasured is { } em ? em <= TheoryTolerances.Outputs : null;
        return new SetComparison(set, probes.Count, maxDiff, maxDiffIterate,
            measured / perPixel, predicted / perPixel, iterate / perPixel, expected, decomposition,
            boundMse, ratioPredicted, ratioMeasured, zeroBounds, excessPredicted, excessMeasured, holdsPredicted, holdsMeasured);
    }

    public static double MaxAbsDiff(ReadOnlySpan<float> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"length mismatch: {a.Length} vs {b.Length}");
        double m = 0;
        for (int i = 0; i < a.Length; i++) m = Math.Max(m, Math.Abs(a[i] - b[i]));
        return m;
    }

    /// <summary>‖a − x‖², summed over pixels.</summary>
    public static double SquaredError(ReadOnlySpan<float> a, ReadOnlySpan<float> x)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) { double d = a[i] - (double)x[i]; s += d * d; }
        return s;
    }

    public static double SquaredError(ReadOnlySpan<double> a, ReadOnlySpan<float> x)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) { double d = a[i] - x[i]; s += d * d; }
        return s;
    }
}
