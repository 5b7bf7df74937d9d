using System.Globalization;
using ScottPlot;

namespace IdentityCrisis.Figures;

/// <summary>One line of a <see cref="LinePlot"/>; NaN values leave gaps. Lower/Upper draw a shaded band (a spread).</summary>
public sealed record PlotSeries(string Name, IReadOnlyList<double> Xs, IReadOnlyList<double> Ys,
                                IReadOnlyList<double>? Lower = null, IReadOnlyList<double>? Upper = null, bool Dashed = false,
                                int? ColorIndex = null);

public enum PointMark { NotConverged, Diverged }

/// <summary>A flagged point: trials that did not converge get a ring, diverged ones a cross (drawn at the bottom when they have no score).</summary>
public sealed record MarkedPoint(double X, double Y, PointMark Kind);

/// <summary>
/// Line charts for the report (skill vs depth, loss vs step, ...), drawn with ScottPlot into
/// PNG bytes. Log axes are plotted as log10 values with power-of-ten tick labels, because
/// ScottPlot has no native log scale.
/// </summary>
public sealed class LinePlot
{
    public string Title { get; init; } = "";
    public string XLabel { get; init; } = "";
    public string YLabel { get; init; } = "";
    public bool LogX { get; init; }
    public bool LogY { get; init; }
    public double? YMin { get; init; }
    public double? YMax { get; init; }
    /// <summary>Label every integer x (depths) rather than letting ScottPlot pick.</summary>
    public bool IntegerX { get; init; }
    public List<PlotSeries> Series { get; } = [];
    public List<(double Y, string Label)> ReferenceLines { get; } = [];
    public List<MarkedPoint> Marks { get; } = [];
    /// <summary>Legends beyond this many series only cover the figure; the caption must say what the lines are.</summary>
    public int MaxLegendEntries { get; init; } = 16;
    /// <summary>Dots on the data points; off for dense curves such as losses.</summary>
    public bool ShowMarkers { get; init; } = true;

    static readonly IPalette Few = new ScottPlot.Palettes.Category10(), Many = new ScottPlot.Palettes.Category20();

    public byte[] RenderPng(int width = 820, int height = 460)
    {
        var plt = new Plot();
        plt.Font.Set("DejaVu Sans");
        var palette = Series.Count > Few.Colors.Length ? Many : Few;
        for (int i = 0; i < Series.Count; i++) AddSeries(plt, Series[i], palette.GetColor((Series[i].ColorIndex ?? i) % palette.Colors.Length));
        foreach (var (y, label) in ReferenceLines)
        {
            var line = plt.Add.HorizontalLine(TransformY(y), 1, Colors.Gray, LinePattern.Dashed);
            line.LegendText = label;
        }
        AddMarks(plt);
        if (LogX) plt.Axes.Bottom.TickGenerator = PowerOfTenTicks();
        else if (IntegerX) plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (LogY) plt.Axes.Left.TickGenerator = PowerOfTenTicks();
        if (YMin is not null || YMax is not null)
        {
            // The requested range is a minimum: data outside it widens the axis rather than being cut off.
            plt.Axes.AutoScale();
            var limits = plt.Axes.GetLimits();
            double pad = 0.03 * (limits.Top - limits.Bottom);
            plt.Axes.SetLimitsY(YMin is { } lo ? Math.Min(TransformY(lo), limits.Bottom - pad) : limits.Bottom,
                                YMax is { } hi ? Math.Max(TransformY(hi), limits.Top + pad) : limits.Top);
        }
        plt.Title(Title, 15);
        plt.XLabel(XLabel, 13);
        plt.YLabel(YLabel, 13);
        int entries = Series.Count + ReferenceLines.Count + Marks.Select(m => m.Kind).Distinct().Count();
        if (entries > 0 && Series.Count <= MaxLegendEntries) plt.ShowLegend(Edge.Right);
        else plt.HideLegend();
        return plt.GetImageBytes(width, height, ImageFormat.Png);
    }

    void AddSeries(Plot plt, PlotSeries s, Color color)
    {
        bool legend = true;
        foreach (var (start, end) in FiniteRuns(s))
        {
            var xs = Enumerable.Range(start, end - start).Select(i => TransformX(s.Xs[i])).ToArray();
            if (s.Lower is not null && s.Upper is not null)
            {
                var band = plt.Add.FillY(xs, Range(s.Lower, start, end).Select(TransformY).ToArray(), Range(s.Upper, start, end).Select(TransformY).ToArray());
                band.FillColor = color.WithAlpha(0.18);
                band.LineWidth = 0;
            }
            var ys = Range(s.Ys, start, end).Select(TransformY).ToArray();
            var line = plt.Add.Scatter(xs, ys, color);
            line.MarkerSize = ShowMarkers ? 5 : 0;
            line.LineWidth = 1.6f;
            if (s.Dashed) line.LinePattern = LinePattern.Dashed;
            if (legend) line.LegendText = s.Name;
            legend = false;
        }
    }

    void AddMarks(Plot plt)
    {
        foreach (var group in Marks.GroupBy(m => m.Kind))
        {
            var xs = group.Select(m => TransformX(m.X)).ToArray();
            var ys = group.Select(m => TransformY(m.Y)).ToArray();
            var markers = group.Key == PointMark.Diverged
                ? plt.Add.Markers(xs, ys, MarkerShape.Eks, 13, Colors.Red)
                : plt.Add.Markers(xs, ys, MarkerShape.OpenCircle, 13, Colors.OrangeRed);
            markers.MarkerLineWidth = 2;
            markers.LegendText = group.Key == PointMark.Diverged ? "diverged" : "did not converge";
        }
    }

    /// <summary>Index ranges [start, end) of consecutive points with finite x and y.</summary>
    static IEnumerable<(int Start, int End)> FiniteRuns(PlotSeries s)
    {
        int start = -1;
        for (int i = 0; i <= s.Ys.Count; i++)
        {
            bool ok = i < s.Ys.Count && double.IsFinite(s.Ys[i]) && double.IsFinite(s.Xs[i]);
            if (ok && start < 0) start = i;
            if (!ok && start >= 0) { yield return (start, i); start = -1; }
        }
    }

    static IEnumerable<double> Range(IReadOnlyList<double> v, int start, int end)
    {
        for (int i = start; i < end; i++) yield return v[i];
    }

    double TransformX(double x) => LogX ? Log(x) : x;
    double TransformY(double y) => LogY ? Log(y) : y;
    static double Log(double v) => v > 0 ? Math.Log10(v) : double.NaN;

    static ScottPlot.TickGenerators.NumericAutomatic PowerOfTenTicks() => new()
    {
        IntegerTicksOnly = true,
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        LabelFormatter = v => (int)Math.Round(v) is var k && k is >= -3 and <= 5
            ? Math.Pow(10, k).ToString("G6", CultureInfo.InvariantCulture)
            : "1e" + k.ToString(CultureInfo.InvariantCulture),
    };
}
