using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports.Sections;

/// <summary>The per-trial tables every sweep gets: a one-row-per-trial summary and the scores per probe set.</summary>
public static class TrialTables
{
    static RowMark Mark(TrialRow t) => t.Diverged() ? RowMark.Error : t.NotConverged() ? RowMark.Warning : RowMark.None;

    public static void Summary(SectionContext ctx, SweepResults sweep)
    {
        var sets = sweep.ProbeSets;
        ctx.Add(new Table(
            ["#", "trial", "outcome", "steps", "final loss", "seconds", "verdicts", "identity skill (mnist+fashion)", "constant skill (mnist+fashion)"],
            sweep.Trials.Select(t => new TableRow(
            [
                Fmt.I(t.Index), t.Label, t.OutcomeCell(), Fmt.I(t.Steps), Fmt.E(t.FinalLoss), Fmt.F(t.Seconds, 1),
                t.VerdictLetters(sets), Fmt.F(t.NaturalMean(s => s.IdentitySkill)), Fmt.F(t.NaturalMean(s => s.ConstantSkill)),
            ], Mark(t))).ToList(),
            $"Trials in index order. Verdicts: one letter per probe set in the order {string.Join(", ", sets)} (I identity, C constant, o other). " +
            "Rows flagged \"!\" did not reach the stopping loss (yellow) or diverged (red); a diverged trial's scores describe broken weights."));
    }

    public static void PerSet(SectionContext ctx, SweepResults sweep, bool collapsed)
    {
        var sets = sweep.ProbeSets;
        var rows = new List<TableRow>();
        foreach (var t in sweep.Trials)
            foreach (var set in sets)
            {
                if (t.Set(set) is not { } s) continue;
                rows.Add(new TableRow(
                [
                    t.Label + t.OutcomeMark(), s.Set, Fmt.I(s.Probes), Fmt.F(s.MeanCorrIdentity), Fmt.F(s.MeanCorrConstant), Fmt.F(s.MeanBaseline),
                    Fmt.F(s.IdentitySkill), Fmt.F(s.ConstantSkill), s.Verdict, t.OutcomeCell(), Fmt.I(t.Steps), Fmt.E(t.FinalLoss), Fmt.F(t.Seconds, 1),
                ], Mark(t)));
            }
        ctx.Add(new Table(
            ["trial", "probe set", "probes", "mean corr(f(x), x)", "mean corr(f(x), x̂)", "baseline corr(x, x̂)", "identity skill", "constant skill", "verdict",
             "outcome", "steps", "final loss", "seconds"],
            rows,
            "Scores per trial and probe set. Skill = (corr - baseline) / (1 - baseline): 1 for the exact stereotype, 0 for the other one.",
            collapsed));
    }
}
