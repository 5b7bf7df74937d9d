using IdentityCrisis.Reports.Claims;

namespace IdentityCrisis.Reports.Sections;

/// <summary>The claims table at the top of the report.</summary>
public static class ClaimsSection
{
    public static void Build(SectionContext ctx, IReadOnlyList<ClaimResult> claims)
    {
        ctx.Heading(2, "Claims of the paper");
        ctx.Paragraph(
            "Each claim of Zhang et al. (ICLR 2020, arXiv:1902.04698) beside our measured numbers. The verdict follows the rule in the last column, " +
            "computed from the databases; nothing is decided by hand. Verdicts read identity / constant / other per probe set, from the baseline-adjusted " +
            "skills stored with each trial (threshold in the sweep's probes.verdictThreshold). A claim whose sweep ran at quick scale says " +
            "\"quick scale: not the paper's sizes\": those networks are smaller and trained for fewer steps than the paper's, so the verdict is a smoke test " +
            "of the pipeline, not evidence for or against the paper.");
        var rows = claims.Select(c => new TableRow(
        [
            c.Id,
            c.Statement,
            c.Sweep is null ? $"{c.Preset} (none)" : c.Sweep.Name,
            (c.Measured + " " + c.Agreement).Trim(),
            c.VerdictText,
            c.Rule,
        ], c.Verdict switch
        {
            ClaimVerdict.NotReproduced => RowMark.Error,
            ClaimVerdict.Partly or ClaimVerdict.NotMeasured => RowMark.Warning,
            _ => RowMark.None,
        })).ToList();
        ctx.Add(new Table(["", "claim (paper)", "sweep", "measured", "verdict", "rule"], rows));
        int quick = claims.Count(c => c.QuickScale);
        if (quick > 0)
            ctx.Paragraph($"{Fmt.I(quick)} of {Fmt.I(claims.Count)} claims were judged on quick-scale sweeps. Run `icrisis sweep run --preset NAME --scale paper` " +
                          "and render the report again for verdicts at the paper's sizes.");
    }
}
