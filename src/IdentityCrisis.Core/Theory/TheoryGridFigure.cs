using System.Globalization;
using IdentityCrisis.Figures;

namespace IdentityCrisis.Theory;

/// <summary>
/// The probe-grid figure of a theory run: rows input / trained output / closed-form output /
/// |trained − closed form|. The difference is ~1e-6, invisible on the [0,1] scale of the other
/// rows, so that row is multiplied by a power of ten named in its label (the largest that keeps it
/// within [0,1]): what is drawn is the difference, magnified by a stated factor.
/// </summary>
public static class TheoryGridFigure
{
    public static void RenderPng(string path, TheoryRunResult result, TheoryFigureData figure)
    {
        var differences = figure.Trained.Select((t, i) => t.Select((v, p) => Math.Abs(v - figure.Predicted[i][p])).ToArray()).ToList();
        double largest = differences.SelectMany(d => d).DefaultIfEmpty(0).Max();
        int exponent = Magnification(largest);
        double factor = Math.Pow(10, exponent);
        var scaled = differences.Select(d => (float[]?)d.Select(v => (float)(v * factor)).ToArray()).ToList();
        var t = result.Training;
        string title = $"{result.Architecture}: {t.Outcome} after {t.Steps} GD steps (loss {t.FinalLoss.ToString("G3", CultureInfo.InvariantCulture)}); " +
                       $"max |trained − closed form| = {largest.ToString("G3", CultureInfo.InvariantCulture)}";
        ProbeGrid.RenderPng(path, title, figure.Labels,
        [
            new GridRow("input", figure.Inputs.Cast<float[]?>().ToList()),
            new GridRow("trained", figure.Trained.Cast<float[]?>().ToList()),
            new GridRow("closed form", figure.Predicted.Select(p => (float[]?)p.Select(v => (float)v).ToArray()).ToList()),
            new GridRow(exponent == 0 ? "|difference|" : $"|difference| x 1e{exponent}", scaled),
        ]);
    }

    /// <summary>The largest power of ten that keeps <paramref name="largest"/> times it at most 1 (0 when it already reaches 1, or is 0).</summary>
    public static int Magnification(double largest) =>
        largest > 0 && largest < 1 && double.IsFinite(largest) ? (int)Math.Floor(-Math.Log10(largest)) : 0;
}
