namespace IdentityCrisis.Probes;

/// <summary>
/// The probes shown as figure columns, in the paper's spirit: digits, a fashion item, a
/// mix, noise, then every pattern, then natural images. Picked from whichever sets were built.
/// </summary>
public static class FigureColumns
{
    static readonly (string Set, int Count)[] Plan =
        [("mnist", 3), ("fashion", 2), ("mix", 1), ("noise", 2), ("patterns", int.MaxValue), ("natural", 2), ("cifar", 1)];

    public static IReadOnlyList<Probe> Select(IReadOnlyList<ProbeSet> sets)
    {
        var columns = new List<Probe>();
        foreach (var (set, count) in Plan)
        {
            var found = sets.FirstOrDefault(s => s.Name == set);
            if (found is not null) columns.AddRange(found.Probes.Take(count));
        }
        return columns;
    }
}
