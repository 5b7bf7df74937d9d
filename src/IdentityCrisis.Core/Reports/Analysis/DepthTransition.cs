using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports.Analysis;

/// <summary>
/// Where a depth series turns from identity to constant on the natural probe sets (mnist,
/// fashion). A depth counts as identity (constant) when every scored trial at that depth has
/// that verdict on all of them. IdentityUpTo is the end of the identity run that starts at the
/// shallowest depth, ConstantFrom the start of the constant run that ends at the deepest:
/// the paper's picture is identity up to N, constant from M on, something else between.
/// Diverged trials have no meaningful scores and are listed apart.
/// </summary>
public sealed record DepthTransition(
    IReadOnlyList<string> Sets, IReadOnlyList<int> Depths, IReadOnlyList<int> IdentityDepths, IReadOnlyList<int> ConstantDepths,
    int? IdentityUpTo, int? ConstantFrom, IReadOnlyList<TrialRow> Diverged, IReadOnlyList<TrialRow> Scored)
{
    public static DepthTransition Of(IEnumerable<TrialRow> trials)
    {
        var all = trials.OrderBy(t => t.Config.Architecture.Depth).ThenBy(t => t.Index).ToList();
        var scored = all.Where(t => !t.Diverged()).ToList();
        var sets = TrialFacts.NaturalSets.Where(s => scored.Any(t => t.Set(s) is not null)).ToList();
        var byDepth = scored.GroupBy(t => t.Config.Architecture.Depth).OrderBy(g => g.Key).ToList();
        bool Every(IEnumerable<TrialRow> g, string verdict) => sets.Count > 0 && g.All(t => sets.All(s => t.Set(s)?.Verdict == verdict));
        var identity = byDepth.Where(g => Every(g, "identity")).Select(g => g.Key).ToList();
        var constant = byDepth.Where(g => Every(g, "constant")).Select(g => g.Key).ToList();
        var depths = byDepth.Select(g => g.Key).ToList();
        int? upTo = depths.TakeWhile(identity.Contains).Select(d => (int?)d).LastOrDefault();
        int? from = Enumerable.Reverse(depths).TakeWhile(constant.Contains).Select(d => (int?)d).LastOrDefault();
        return new DepthTransition(sets, depths, identity, constant, upTo, from, all.Where(t => t.Diverged()).ToList(), scored);
    }

    /// <summary>
    /// One sentence with numbers, e.g. "Identity on mnist and fashion up to depth 5 (identity
    /// skill 0.91 to 0.99); constant from depth 16 on (...); in between: depth 7: ...".
    /// </summary>
    public string Describe()
    {
        if (Scored.Count == 0) return "No trial has usable scores" + DivergedNote() + ".";
        if (Sets.Count == 0) return "The trials were not probed on mnist or fashion, so no depth transition can be read off.";
        var setNames = Fmt.List(Sets);
        var parts = new List<string>
        {
            IdentityDepths.Count == 0 ? $"No depth is identity on {setNames}"
                : $"Identity on {setNames} {(IdentityUpTo == IdentityDepths[^1] ? $"up to depth {Fmt.I(IdentityDepths[^1])}" : $"at {DepthList(IdentityDepths)}")} " +
                  $"(identity skill {SkillRange(IdentityDepths, constant: false)})",
            ConstantDepths.Count == 0 ? $"no depth is constant on {setNames}"
                : $"constant {(ConstantFrom == ConstantDepths[0] ? $"from depth {Fmt.I(ConstantDepths[0])} on" : $"at {DepthList(ConstantDepths)}")} " +
                  $"(constant skill {SkillRange(ConstantDepths, constant: true)})",
        };
        var rest = Depths.Where(d => !IdentityDepths.Contains(d) && !ConstantDepths.Contains(d)).ToList();
        bool between = rest.All(d => d > IdentityDepths.DefaultIfEmpty(int.MinValue).Max() && d < ConstantDepths.DefaultIfEmpty(int.MaxValue).Min());
        if (rest.Count > 0)
            parts.Add((between ? "in between: " : "neither at: ") + string.Join("; ", Scored.Where(t => rest.Contains(t.Config.Architecture.Depth)).Select(Describe)));
        return string.Join("; ", parts) + DivergedNote() + ".";
    }

    string Describe(TrialRow t) =>
        $"depth {Fmt.I(t.Config.Architecture.Depth)}{t.OutcomeMark()}: " +
        string.Join(", ", Sets.Select(s => t.Set(s) is { } r ? $"{s} {r.Verdict} (identity skill {Fmt.F(r.IdentitySkill)}, constant skill {Fmt.F(r.ConstantSkill)})" : $"{s} n/a"));

    static string DepthList(IReadOnlyList<int> depths) => (depths.Count == 1 ? "depth " : "depths ") + Fmt.List(depths.Select(d => Fmt.I(d)));

    string SkillRange(IReadOnlyList<int> depths, bool constant)
    {
        var values = Scored.Where(t => depths.Contains(t.Config.Architecture.Depth)).SelectMany(t => Sets.Select(s => t.Set(s))).OfType<SetScoreRow>()
            .Select(r => constant ? r.ConstantSkill : r.IdentitySkill).Where(double.IsFinite).ToList();
        return values.Count == 0 ? "n/a" : $"{Fmt.F(values.Min())} to {Fmt.F(values.Max())}";
    }

    string DivergedNote() => Diverged.Count == 0 ? "" :
        $"; diverged (left out): depth {Fmt.List(Diverged.Select(t => Fmt.I(t.Config.Architecture.Depth)))}";
}
