namespace IdentityCrisis.Metrics;

public static class Statistics
{
    /// <summary>
    /// Pearson correlation in double precision. A constant vector has no defined correlation;
    /// we return 0 there, because a network that outputs a flat image carries no information
    /// about either the input or the training image.
    /// </summary>
    public static double Pearson(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"length mismatch: {a.Length} vs {b.Length}");
        double ma = 0, mb = 0;
        for (int i = 0; i < a.Length; i++) { ma += a[i]; mb += b[i]; }
        ma /= a.Length; mb /= b.Length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db; saa += da * da; sbb += db * db;
        }
        const double flat = 1e-18;
        if (saa <= flat || sbb <= flat || !double.IsFinite(sab)) return 0;
        return sab / Math.Sqrt(saa * sbb);
    }

    /// <summary>Mean squared difference per pixel.</summary>
    public static double Mse(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"length mismatch: {a.Length} vs {b.Length}");
        double s = 0;
        for (int i = 0; i < a.Length; i++) { double d = a[i] - b[i]; s += d * d; }
        return s / a.Length;
    }

    public static double Mean(IEnumerable<double> values)
    {
        double s = 0; int n = 0;
        foreach (var v in values) { s += v; n++; }
        return n == 0 ? double.NaN : s / n;
    }

    public static double StdDev(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        double m = Mean(values), s = 0;
        foreach (var v in values) s += (v - m) * (v - m);
        return Math.Sqrt(s / (values.Count - 1));
    }
}
