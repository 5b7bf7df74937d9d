using IdentityCrisis.Figures;
using IdentityCrisis.Reports.Analysis;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports.Sections;

/// <summary>Depth x channels (or x kernel) sweeps over seeds: heatmaps of the mean skill and curves with the spread over seeds.</summary>
public static class HeatmapSection
{
    public const string ScoreNote = "Score: the skill averaged over the mnist and fashion probe sets of each trial, then over seeds.";

    public static void Build(SectionContext ctx, SweepResults sweep)
    {
        if (sweep.Trials.Count == 0) return;
        foreach (var (name, score) in new (string, Func<SetScoreRow, double>)[] { ("identity", s => s.IdentitySkill), ("constant", s => s.ConstantSkill) })
        {
            var grid = SeedGrid.Build(sweep, t => t.NaturalMean(score));
            string columns = grid.ColumnAxis?.Name ?? "";
            var chart = new HeatmapChart
            {
                Title = $"{sweep.Name}: {name} skill (mean over {Fmt.I(grid.SeedsPerCell)} seed(s))",
                RowAxis = grid.RowAxis.Name,
                ColumnAxis = columns,
                RowLabels = grid.RowAxis.Points.Select(p => p.Short).ToList(),
                ColumnLabels = grid.ColumnAxis?.Points.Select(p => p.Short).ToList() ?? [""],
                Values = grid.Means(),
                Notes = grid.Marks(),
                Min = 0, Max = 1,
            };
            ctx.Figure($"{sweep.Name}-{name}-heatmap", chart.RenderPng(),
                $"{sweep.Name}: {name} skill by {grid.RowAxis.Name} (rows) and {columns} (columns). {ScoreNote} Colours run over [0,1] (values outside clamp); " +
                "* = at least one seed did not reach the stopping loss; ! = at least one seed diverged and is left out of the mean; hatched = no scored trial.");
            Curves(ctx, sweep, grid, name);
        }
        TrialTables.PerSet(ctx, sweep, collapsed: true);
    }

    static void Curves(SectionContext ctx, SweepResults sweep, SeedGrid grid, string name)
    {
        var rows = grid.RowOrder;
        var plot = new LinePlot
        {
            Title = $"{sweep.Name}: {name} skill vs {grid.RowAxis.Name}",
            XLabel = grid.RowAxis.Name,
            YLabel = $"{name} skill",
            IntegerX = true,
            YMin = -0.2, YMax = 1.05,
        };
        var xs = rows.Select(r => grid.RowAxis.Points[r].Value ?? r).ToList();
        foreach (var c in grid.ColumnOrder)
        {
            var cells = rows.Select(r => grid.Cells[r, c]).ToList();
            string label = grid.ColumnAxis is null ? name : $"{grid.ColumnAxis.Name} {grid.ColumnAxis.Points[c].Short}";
            plot.Series.Add(new PlotSeries(label, xs, cells.Select(x => x.Mean).ToList(), cells.Select(x => x.Min).ToList(), cells.Select(x => x.Max).ToList()));
            for (int i = 0; i < cells.Count; i++)
            {
                if (cells[i].AnyDiverged) plot.Marks.Add(new MarkedPoint(xs[i], -0.2, PointMark.Diverged));
                if (cells[i].AnyNotConverged && double.IsFinite(cells[i].Mean)) plot.Marks.Add(new MarkedPoint(xs[i], cells[i].Mean, PointMark.NotConverged));
            }
        }
        ctx.Figure($"{sweep.Name}-{name}-skill-curves", plot.RenderPng(),
            $"{sweep.Name}: {name} skill against {grid.RowAxis.Name}, one line per {grid.ColumnAxis?.Name ?? "sweep"}. {ScoreNote} " +
            "Line: mean over seeds; shaded band: min to max over seeds (the spread the initialization alone causes). " +
            "Rings: a seed did not reach the stopping loss; crosses at the bottom: a seed diverged.");
    }
}
