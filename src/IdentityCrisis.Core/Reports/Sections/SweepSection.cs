using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Reports.Sections;

/// <summary>One sweep: a header, the figures its spec asks for, then how the runs went.</summary>
public static class SweepSection
{
    public static void Build(SectionContext ctx, SweepResults sweep)
    {
        ctx.Heading(2, $"Sweep {sweep.Name}");
        if (sweep.Spec.Description.Length > 0) ctx.Paragraph(sweep.Spec.Description);
        ctx.Paragraph($"Folder {sweep.Folder}; {Fmt.I(sweep.Trials.Count)} of {Fmt.I(sweep.Planned)} planned trials finished, {Fmt.I(sweep.Failures.Count)} failed attempt(s), " +
                      $"{Fmt.I(sweep.Trials.Count(t => t.NotConverged()))} finished trial(s) stopped at max steps before the stopping loss, {Fmt.I(sweep.Trials.Count(t => t.Diverged()))} diverged. Base network {sweep.Spec.Base.Architecture.Describe()}, " +
                      $"varied along {Fmt.List(sweep.Spec.Axes.Select(a => a.Name))}; training: {sweep.Spec.Base.Training.Optimizer}, " +
                      $"learning rate {Fmt.G(sweep.Spec.Base.Training.LearningRate)}, up to {Fmt.I(sweep.Spec.Base.Training.MaxSteps)} steps, stopping loss {Fmt.G(sweep.Spec.Base.Training.Tolerance)}." +
                      (sweep.QuickScale ? " Quick scale: not the paper's sizes; a smoke test, not evidence for or against the paper." : ""));
        if (sweep.Trials.Count == 0) ctx.Paragraph("No trial has finished yet: nothing to draw.");
        switch (sweep.Spec.Figure)
        {
            case SweepFigure.Grid: GridSection.Build(ctx, sweep); break;
            case SweepFigure.Layers: LayersSection.Build(ctx, sweep); break;
            case SweepFigure.Heatmap: HeatmapSection.Build(ctx, sweep); break;
            case SweepFigure.ManyImages: ManyImagesSection.Build(ctx, sweep); break;
            default: TrialTables.PerSet(ctx, sweep, collapsed: true); break;
        }
        RunSection.Build(ctx, sweep);
    }
}
