using IdentityCrisis.Figures;
using IdentityCrisis.Reports.Analysis;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports.Sections;

/// <summary>
/// Figures 2 and 3 of the paper: inputs on top, one row of outputs per trial. A sweep over
/// depth alone (Figure 3) also gets skill-vs-depth plots and a sentence locating the transition.
/// </summary>
public static class GridSection
{
    public static void Build(SectionContext ctx, SweepResults sweep)
    {
        if (sweep.Trials.Count == 0) return;
        var sets = sweep.ProbeSets;
        var figures = sweep.Trials.Select(t => sweep.Db.LoadFigure(t.TrialId)).ToList();
        var first = figures[0];
        bool sameInputs = figures.All(f => f.Inputs.Count == first.Inputs.Count && f.Inputs.Zip(first.Inputs).All(p => p.First.AsSpan().SequenceEqual(p.Second)));
        var rows = new List<GridRow> { new("input", first.Inputs.Cast<float[]?>().ToList()) };
        rows.AddRange(sweep.Trials.Select((t, i) => new GridRow($"{t.Label}{t.OutcomeMark()}  {t.VerdictLetters(sets)}", figures[i].Outputs.Cast<float[]?>().ToList())));
        using var image = ProbeGrid.Render($"{sweep.Name}: outputs f(x) per trial", first.Labels, rows, scale: 2);
        ctx.Figure($"{sweep.Name}-grid", Png.Encode(image),
            $"{sweep.Name}. Top row: the inputs (column 0 is the training image x̂). Each row below: one trial's outputs for those inputs, in trial order. " +
            $"Pixels are clipped to [0,1] and drawn black to white without rescaling, so a washed-out output looks dark. After each label: the verdict per probe set " +
            $"({string.Join(", ", sets)}; I identity, C constant, o other). [not converged] = the trial hit max steps before the stopping loss; [DIVERGED] = the loss became NaN." +
            (sameInputs ? "" : " Trials were probed on different inputs; the top row shows the first trial's."));
        if (DepthAxis(sweep) is not null) DepthPlots(ctx, sweep, sets);
        TrialTables.PerSet(ctx, sweep, collapsed: false);
    }

    /// <summary>A Figure-3-like sweep: one axis, and it sets the network depth and nothing else.</summary>
    static string? DepthAxis(SweepResults sweep) =>
        sweep.Spec.Axes is [{ } axis] && axis.Points.All(p => p.Set.Count == 1 && p.Set.ContainsKey("architecture.depth")) ? axis.Name : null;

    static void DepthPlots(SectionContext ctx, SweepResults sweep, IReadOnlyList<string> sets)
    {
        var trials = sweep.Trials.OrderBy(t => t.Config.Architecture.Depth).ToList();
        var transition = DepthTransition.Of(trials);
        ctx.Paragraph("Transition: " + transition.Describe());
        foreach (var (name, score) in new (string, Func<SetScoreRow, double>)[] { ("identity", s => s.IdentitySkill), ("constant", s => s.ConstantSkill) })
        {
            var plot = new LinePlot
            {
                Title = $"{sweep.Name}: {name} skill vs depth",
                XLabel = "depth (conv layers)",
                YLabel = $"{name} skill",
                IntegerX = true,
                YMin = -0.2, YMax = 1.05,
            };
            plot.ReferenceLines.Add((sweep.Trials[0].Config.Probes.VerdictThreshold, "verdict threshold"));
            foreach (var set in sets)
                plot.Series.Add(new PlotSeries(set, trials.Select(t => (double)t.Config.Architecture.Depth).ToList(),
                    trials.Select(t => t.Diverged() || t.Set(set) is null ? double.NaN : score(t.Set(set)!)).ToList()));
            AddOutcomeMarks(plot, trials, sets, score);
            ctx.Figure($"{sweep.Name}-{name}-skill-vs-depth", plot.RenderPng(),
                $"{sweep.Name}: {name} skill per probe set against depth; 1 = exactly the {(name == "identity" ? "identity" : "constant function (the '7')")}, " +
                "0 = exactly the other stereotype. Dashed: the verdict threshold. Rings: trials that did not reach the stopping loss; crosses at the bottom: diverged trials (no score).");
        }
    }

    public static void AddOutcomeMarks(LinePlot plot, IReadOnlyList<TrialRow> trials, IReadOnlyList<string> sets, Func<SetScoreRow, double> score)
    {
        foreach (var t in trials)
        {
            double x = t.Config.Architecture.Depth;
            if (t.Diverged()) plot.Marks.Add(new MarkedPoint(x, plot.YMin ?? 0, PointMark.Diverged));
            else if (t.NotConverged())
                foreach (var set in sets)
                    if (t.Set(set) is { } s && double.IsFinite(score(s))) plot.Marks.Add(new MarkedPoint(x, score(s), PointMark.NotConverged));
        }
    }
}
