using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports.Analysis;

/// <summary>
/// Where a depth series turns from identity to constant on the natural probe sets (mnist,
/// fashion): the deepest depth up to which every trial is identity on all of them, the
/// shallowest from which every deeper trial is constant on all of them, and what lies between.
/// Diverged trials have no meaningful scores and are listed apart.
/// </summary>
public sealed record DepthTransition(
    IReadOnlyList<string> Sets, int? IdentityUpTo, int? ConstantFrom,
    IReadOnlyList<TrialRow> Between, IReadOnlyList<TrialRow> Diverged, IReadOnlyList<TrialRow> Scored)
{
    public static DepthTransition Of(IEnumerable<TrialRow> trials)
    {
        var all = trials.OrderBy(t => t.Config.Architecture.Depth).ThenBy(t => t.Index).ToList();
        var scored = all.Where(t => !t.Diverged()).ToList();
        var sets = TrialFacts.NaturalSets.Where(s => scored.Any(t => t.Set(s) is not null)).ToList();
        bool All(TrialRow t, string verdict) => sets.Count > 0 && sets.All(s => t.Set(s)?.Verdict == verdict);

        int? upTo = null;
        foreach (var t in scored)
        {
            if (!All(t, "identity")) break;
            upTo = t.Config.Architecture.Depth;
        }
        int? from = null;
        for (int i = scored.Count - 1; i >= 0 && All(scored[i], "constant"); i--)
            from = scored[i].Config.Architecture.Depth;
        // Several trials can share a depth (seeds): a depth counts only when all of them qualify.
        if (upTo is { } u && scored.Any(t => t.Config.Architecture.Depth == u && !All(t, "identity")))
            upTo = scored.Where(t => t.Config.Architecture.Depth < u).Select(t => (int?)t.Config.Architecture.Depth).LastOrDefault();
        if (from is { } f && scored.Any(t => t.Config.Architecture.Depth == f && !All(t, "constant")))
            from = scored.Where(t => t.Config.Architecture.Depth > f).Select(t => (int?)t.Config.Architecture.Depth).FirstOrDefault();
        var between = scored.Where(t => t.Config.Architecture.Depth > (upTo ?? int.MinValue) && t.Config.Architecture.Depth < (from ?? int.MaxValue)).ToList();
        return new DepthTransition(sets, upTo, from, between, all.Where(t => t.Diverged()).ToList(), scored);
    }

    /// <summary>One sentence with numbers, e.g. "Identity on mnist and fashion up to depth 5; constant from depth 16 on; in between: ...".</summary>
    public string Describe()
    {
        if (Scored.Count == 0) return "No trial has usable scores" + DivergedNote() + ".";
        if (Sets.Count == 0) return "The trials were not probed on mnist or fashion, so no depth transition can be read off.";
        var setNames = Fmt.List(Sets);
        var parts = new List<string>
        {
            IdentityUpTo is { } u
                ? $"Identity on {setNames} up to depth {Fmt.I(u)} (identity skill {SkillRange(Scored.Where(t => t.Config.Architecture.Depth <= u))})"
                : $"No depth is identity on {setNames}; the shallowest, {Describe(Scored[0])}",
            ConstantFrom is { } f
                ? $"constant from depth {Fmt.I(f)} on (constant skill {SkillRange(Scored.Where(t => t.Config.Architecture.Depth >= f), constant: true)})"
                : $"no depth is constant on {setNames}; the deepest, {Describe(Scored[^1])}",
        };
        var rest = Between.Where(t => t != Scored[0] || IdentityUpTo is not null).Where(t => t != Scored[^1] || ConstantFrom is not null).ToList();
        if (rest.Count > 0) parts.Add("in between: " + string.Join("; ", rest.Select(Describe)));
        return string.Join("; ", parts) + DivergedNote() + ".";
    }

    string Describe(TrialRow t) =>
        $"depth {Fmt.I(t.Config.Architecture.Depth)}{t.OutcomeMark()}: " +
        string.Join(", ", Sets.Select(s => t.Set(s) is { } r ? $"{s} {r.Verdict} (identity skill {Fmt.F(r.IdentitySkill)}, constant skill {Fmt.F(r.ConstantSkill)})" : $"{s} n/a"));

    string SkillRange(IEnumerable<TrialRow> trials, bool constant = false)
    {
        var values = trials.SelectMany(t => Sets.Select(s => t.Set(s))).OfType<SetScoreRow>()
            .Select(r => constant ? r.ConstantSkill : r.IdentitySkill).Where(double.IsFinite).ToList();
        return values.Count == 0 ? "n/a" : $"{Fmt.F(values.Min())} to {Fmt.F(values.Max())}";
    }

    string DivergedNote() => Diverged.Count == 0 ? "" :
        $"; diverged (left out): depth {Fmt.List(Diverged.Select(t => Fmt.I(t.Config.Architecture.Depth)))}";
}
