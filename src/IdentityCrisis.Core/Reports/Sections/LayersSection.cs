using IdentityCrisis.Config;
using IdentityCrisis.Figures;
using IdentityCrisis.Reports.Analysis;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports.Sections;

/// <summary>Figure 4 of the paper: every layer of each network, for a handful of probes.</summary>
public static class LayersSection
{
    public const string ScalingNote =
        "Scaling: the input and the raw output are drawn on the fixed [0,1] scale of the other grids (clipped). Every layer map (the mean over " +
        "channels of that layer's output; the last layer is the network output before clipping) is stretched on its own, min-max per map: " +
        "its smallest value black, its largest white; a flat map is drawn mid-grey. Compare shapes between layers, not brightness.";

    public static void Build(SectionContext ctx, SweepResults sweep)
    {
        foreach (var t in sweep.Trials)
        {
            bool random = IsRandomInit(t);
            string title = $"{t.Label}{(random ? " (random initialization, not trained)" : "")}{t.OutcomeMark()}";
            ctx.Heading(4, title);
            var maps = sweep.Db.LoadLayerMaps(t.TrialId);
            var figure = sweep.Db.LoadFigure(t.TrialId);
            if (maps is null || figure.Labels.Count == 0)
            {
                ctx.Paragraph("This trial stored no layer maps (the sweep ran without captureLayers).");
                continue;
            }
            var rows = FigureRows.Select(figure.Labels);
            var header = new List<string> { "input" };
            header.AddRange(Enumerable.Range(1, maps.Count).Select(l => l == maps.Count ? $"layer {l} (out)" : $"layer {l}"));
            header.Add("output [0,1]");
            var gridRows = rows.Select(r =>
            {
                var cells = new List<float[]?> { figure.Inputs[r] };
                cells.AddRange(maps.Select(layer => r < layer.Count && layer[r].Length == ImageGeometry.Pixels ? MapScaling.MinMax(layer[r]) : null));
                cells.Add(figure.Outputs[r]);
                return new GridRow(figure.Labels[r], cells);
            }).ToList();
            using var image = ProbeGrid.Render($"{sweep.Name}: {title}", header, gridRows, scale: 2);
            bool flat = maps.Any(layer => layer.Any(m => m.Length != ImageGeometry.Pixels));
            ctx.Figure($"{sweep.Name}-layers-{t.Label}", Png.Encode(image),
                $"{title}: rows are figure probes (x̂ first), columns the input, each layer's map and the raw output. {ScalingNote}" +
                (flat ? " Layers without a 28x28 layout (FCN hidden layers) are left blank." : "") +
                (random ? " This network was never trained: it shows what the architecture does to an input before learning." : ""));
            var stats = LayerStats.Of(maps, figure.Inputs, rows);
            if (stats.Count > 0)
                ctx.Add(new Table(["layer", "mean corr(map, input)", "mean corr(map, x̂)", "value range before scaling"],
                    stats.Select(s => new TableRow([Fmt.I(s.Layer), Fmt.F(s.CorrInput), Fmt.F(s.CorrTrainImage), $"{Fmt.G(s.MinValue)} to {Fmt.G(s.MaxValue)}"])).ToList(),
                    $"{title}: per layer, the correlation of the map with its input and with x̂, averaged over the shown probes except x̂. " +
                    "A network that memorizes loses the input and gains x̂ as the layers go on.", Collapsed: true));
        }
    }

    /// <summary>The paper's control: a network evaluated at its initialization (the Figure 4 preset sets maxSteps 0).</summary>
    public static bool IsRandomInit(TrialRow t) => t.Config.Training.MaxSteps == 0 || t.Steps == 0;
}
