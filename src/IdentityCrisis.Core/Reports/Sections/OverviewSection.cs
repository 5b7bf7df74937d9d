namespace IdentityCrisis.Reports.Sections;

/// <summary>What was read: one row per sweep database.</summary>
public static class OverviewSection
{
    public static void Build(SectionContext ctx, IReadOnlyList<SweepResults> sweeps)
    {
        ctx.Heading(2, "Sweeps");
        ctx.Paragraph("Every number and figure below comes from these databases; no network was trained or loaded to render this report.");
        ctx.Add(new Table(["sweep", "preset", "scale", "figure", "trials done / planned", "failed attempts", "not converged", "diverged", "folder"],
            sweeps.Select(s =>
            {
                int unconverged = s.Trials.Count(t => t.NotConverged()), diverged = s.Trials.Count(t => t.Diverged());
                return new TableRow(
                [
                    s.Name, s.Preset ?? "custom", s.Spec.Scale.Length > 0 ? s.Spec.Scale : "n/a", s.Spec.Figure.ToString(),
                    $"{Fmt.I(s.Trials.Count)} / {Fmt.I(s.Planned)}", Fmt.I(s.Failures.Count), Fmt.I(unconverged), Fmt.I(diverged), s.Folder,
                ], s.Failures.Count > 0 || diverged > 0 ? RowMark.Error : unconverged > 0 || s.Missing.Count > 0 ? RowMark.Warning : RowMark.None);
            }).ToList(),
            "Not converged: stopped at max steps before the stopping loss. Diverged: the loss became NaN or infinite."));
    }
}
