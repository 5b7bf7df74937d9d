namespace IdentityCrisis.Results;

public static class LossCurveSampling
{
    /// <summary>
    /// At most about <paramref name="max"/> points, spaced evenly in log(step) so the early
    /// fast drop and the long tail are both visible; first and last points always kept.
    /// </summary>
    public static IReadOnlyList<LossPoint> Downsample(IReadOnlyList<LossPoint> curve, int max)
    {
        if (curve.Count <= max) return curve;
        var keep = new SortedSet<int> { 0, curve.Count - 1 };
        double last = Math.Log(curve.Count);
        for (int i = 0; i < max; i++) keep.Add(Math.Clamp((int)Math.Round(Math.Exp(last * i / (max - 1))) - 1, 0, curve.Count - 1));
        return keep.Select(i => curve[i]).ToList();
    }
}
