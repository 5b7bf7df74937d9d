namespace IdentityCrisis.Reports.Analysis;

/// <summary>
/// The handful of figure probes shown as rows of a layer figure: x̂, two digits, a fashion
/// item, noise and the patterns that best show high-frequency and shape behaviour. Chosen by
/// the column labels the trial stored, so a sweep probed on fewer sets still gets rows.
/// </summary>
public static class FigureRows
{
    static readonly (string Label, int Count)[] DataPlan = [("mnist", 2), ("fashion", 1), ("uniform", 1)];
    static readonly string[] PatternPlan = ["stripes", "dots", "square"];

    public static IReadOnlyList<int> Select(IReadOnlyList<string> labels)
    {
        var picked = new List<int>();
        if (labels.Count > 0) picked.Add(0);                       // column 0 is always x̂
        foreach (var (label, count) in DataPlan)
            picked.AddRange(Enumerable.Range(1, Math.Max(labels.Count - 1, 0)).Where(i => labels[i] == label).Take(count));
        foreach (var pattern in PatternPlan)
        {
            int i = IndexOf(labels, pattern);
            if (i > 0) picked.Add(i);
        }
        return picked.Distinct().Order().ToList();
    }

    static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (int i = 1; i < labels.Count; i++) if (labels[i] == label) return i;
        return -1;
    }
}
