using IdentityCrisis.Reports.Analysis;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports.Claims;

/// <summary>(a) Abstract: "CNNs of up to 10 layers are able to generalize from a single example".</summary>
public sealed class ShallowCnnsGeneralize : PaperClaim
{
    public const int MaxDepth = 10;

    public override string Id => "a";
    public override string Statement => "CNNs of up to 10 layers generalize from one example (act as the identity).";
    public override string Preset => "fig3";
    public override string Rule =>
        $"Over the trials of depth <= {MaxDepth} (diverged ones left out), take the verdict on mnist and on fashion. " +
        "Reproduced: every verdict is identity. Not reproduced: any verdict is constant, or fewer than half are identity. Partly: otherwise.";

    protected override (ClaimVerdict, string) Judge(SweepResults sweep)
    {
        var shallow = sweep.Trials.Where(t => t.Config.Architecture.Depth <= MaxDepth && !t.Diverged())
            .OrderBy(t => t.Config.Architecture.Depth).ToList();
        var pairs = shallow.SelectMany(t => t.NaturalSetsOf().Select(s => (Trial: t, Set: s, Verdict: t.Verdict(s)))).ToList();
        if (pairs.Count == 0)
            return NotMeasured($"The {sweep.Name} sweep has no scored trial of depth <= {MaxDepth} probed on mnist or fashion.");
        int identity = pairs.Count(p => p.Verdict == "identity"), constant = pairs.Count(p => p.Verdict == "constant");
        var verdict = identity == pairs.Count ? ClaimVerdict.Reproduced
            : constant > 0 || identity * 2 < pairs.Count ? ClaimVerdict.NotReproduced
            : ClaimVerdict.Partly;
        var transition = DepthTransition.Of(sweep.Trials);
        var measured = $"{Fmt.I(identity)} of {Fmt.I(pairs.Count)} (depth, set) verdicts at depths <= {MaxDepth} are identity, {Fmt.I(constant)} constant. " +
                       "Verdict (identity skill) per depth: " +
                       string.Join("; ", shallow.Select(t => $"{Fmt.I(t.Config.Architecture.Depth)}{t.OutcomeMark()}: " +
                           string.Join(", ", t.NaturalSetsOf().Select(s => $"{s} {t.Verdict(s)} ({Fmt.F(t.Set(s)!.IdentitySkill)})")))) + ". " +
                       (transition.IdentityUpTo is { } upTo ? $"Identity on {Fmt.List(transition.Sets)} up to depth {Fmt.I(upTo)}." : $"The shallowest depth, {Fmt.I(shallow[0].Config.Architecture.Depth)}, is not identity on {Fmt.List(transition.Sets)}.") +
                       ConvergenceNote(shallow);
        return (verdict, measured);
    }
}

/// <summary>(b) Figure 3: deeper CNNs drift to the constant function; depth 20 outputs the '7' for every input.</summary>
public sealed class DeepCnnsMemorize : PaperClaim
{
    public const int PaperDepth = 20;

    public override string Id => "b";
    public override string Statement => "Deeper CNNs memorize: at depth 20 the network outputs the training '7' for every input.";
    public override string Preset => "fig3";
    public override string Rule =>
        $"Take the deepest scored trial. Reproduced: its depth is >= {PaperDepth} and its verdict is constant on every probe set. " +
        "Partly: constant on at least one set, or its mean constant skill on mnist and fashion is at least its mean identity skill (it leans to the '7'). " +
        "Not reproduced: otherwise.";

    protected override (ClaimVerdict, string) Judge(SweepResults sweep)
    {
        var scored = sweep.Trials.Where(t => !t.Diverged()).OrderBy(t => t.Config.Architecture.Depth).ToList();
        if (scored.Count == 0) return NotMeasured($"The {sweep.Name} sweep has no scored trial.");
        var deepest = scored[^1];
        int depth = deepest.Config.Architecture.Depth;
        var sets = deepest.Sets.Values.ToList();
        int constant = sets.Count(s => s.Verdict == "constant");
        double constSkill = deepest.NaturalMean(s => s.ConstantSkill), idSkill = deepest.NaturalMean(s => s.IdentitySkill);
        bool leans = constSkill >= idSkill;
        var verdict = depth >= PaperDepth && sets.Count > 0 && constant == sets.Count ? ClaimVerdict.Reproduced
            : constant > 0 || leans ? ClaimVerdict.Partly
            : ClaimVerdict.NotReproduced;
        var shallowest = scored[0];
        var measured = $"Deepest trial: depth {Fmt.I(depth)}{deepest.OutcomeMark()}, constant on {Fmt.I(constant)} of {Fmt.I(sets.Count)} probe sets " +
                       $"({string.Join(", ", sets.Select(s => $"{s.Set} {s.Verdict}"))}); on mnist and fashion its constant skill is {Fmt.F(constSkill)} " +
                       $"and identity skill {Fmt.F(idSkill)} (the shallowest, depth {Fmt.I(shallowest.Config.Architecture.Depth)}: constant skill " +
                       $"{Fmt.F(shallowest.NaturalMean(s => s.ConstantSkill))}, identity skill {Fmt.F(shallowest.NaturalMean(s => s.IdentitySkill))})." +
                       (depth < PaperDepth ? $" No scored trial of depth {PaperDepth} or more in this sweep." : "") +
                       ConvergenceNote([deepest]);
        return (verdict, measured);
    }
}
