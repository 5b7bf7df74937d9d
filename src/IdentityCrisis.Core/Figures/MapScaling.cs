namespace IdentityCrisis.Figures;

/// <summary>
/// Hidden CNN layers are channel means of ReLU outputs (any range, often far from [0,1]),
/// so a fixed black-to-white scale would show most of them as white or black. Each map is
/// stretched on its own: its minimum black, its maximum white.
/// </summary>
public static class MapScaling
{
    /// <summary>Below this range a map is flat: it is drawn mid-grey, since no contrast exists to stretch.</summary>
    public const float FlatRange = 1e-12f;

    public static float[] MinMax(float[] map)
    {
        float lo = float.PositiveInfinity, hi = float.NegativeInfinity;
        foreach (var v in map)
            if (float.IsFinite(v)) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        var scaled = new float[map.Length];
        if (!(hi - lo > FlatRange))
        {
            Array.Fill(scaled, 0.5f);
            return scaled;
        }
        for (int i = 0; i < map.Length; i++) scaled[i] = float.IsFinite(map[i]) ? (map[i] - lo) / (hi - lo) : 0f;
        return scaled;
    }

    /// <summary>The range a map spans before scaling (for captions and tables).</summary>
    public static (float Min, float Max) Range(float[] map)
    {
        float lo = float.PositiveInfinity, hi = float.NegativeInfinity;
        foreach (var v in map)
            if (float.IsFinite(v)) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        return (lo, hi);
    }
}
