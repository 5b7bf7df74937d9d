using IdentityCrisis.Metrics;

namespace IdentityCrisis.Reports.Analysis;

/// <summary>
/// Per layer, how much of the input and how much of x̂ a map still carries, averaged over the
/// shown probes other than x̂: the numbers behind "a deep CNN washes the input out and grows
/// the '7' layer by layer". Correlation is scale-free, so the channel-mean maps need no rescaling.
/// </summary>
public sealed record LayerStat(int Layer, double CorrInput, double CorrTrainImage, double MinValue, double MaxValue);

public static class LayerStats
{
    public static IReadOnlyList<LayerStat> Of(IReadOnlyList<IReadOnlyList<float[]>> maps, IReadOnlyList<float[]> inputs, IReadOnlyList<int> rows)
    {
        var xhat = inputs[0];
        var probes = rows.Where(r => r != 0 && r < inputs.Count).ToList();
        var stats = new List<LayerStat>();
        for (int l = 0; l < maps.Count; l++)
        {
            var layer = maps[l];
            var shown = probes.Where(r => r < layer.Count && layer[r].Length == xhat.Length).ToList();
            if (shown.Count == 0) continue;
            var ranges = shown.Select(r => Figures.MapScaling.Range(layer[r])).ToList();
            stats.Add(new LayerStat(l + 1,
                shown.Average(r => Statistics.Pearson(layer[r], inputs[r])),
                shown.Average(r => Statistics.Pearson(layer[r], xhat)),
                ranges.Min(x => x.Min), ranges.Max(x => x.Max)));
        }
        return stats;
    }
}
