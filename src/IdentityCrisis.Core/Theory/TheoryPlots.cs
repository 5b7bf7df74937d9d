using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace IdentityCrisis.Theory;

/// <summary>
/// The sweep figures: stacked ScottPlot panels composed into one PNG. Log axes plot log10 of the
/// value with power-of-ten labels (ScottPlot has no log scale). Runs that stopped at the step cap
/// are ringed in every panel, so an unconverged point is never read as a converged one.
/// </summary>
public static class TheoryPlots
{
    /// <summary>Log panels draw values below this (exact zeros included) at this value, and say so.</summary>
    public const double LogFloor = 1e-20;

    const int Width = 900, PanelHeight = 270;
    static readonly Color Predicted = Colors.Blue, Iterate = Colors.DarkOrange, Measured = Colors.Black, Expected = Colors.ForestGreen,
                          Bound = Colors.Purple, Warning = Colors.Red, Reference = Colors.Gray;

    public static byte[] Render(TheorySweepResult sweep) => sweep.Sweep switch
    {
        "kernels" => Kernels(sweep.Runs),
        "sigma" => Sigma(sweep.Runs),
        _ => throw new ArgumentException($"unknown sweep '{sweep.Sweep}'"),
    };

    public static byte[] Kernels(IReadOnlyList<TheoryRunResult> runs)
    {
        var k = runs.Select(r => (double)r.Kernel).ToArray();
        var stopped = runs.Select(r => !r.Training.Converged).ToArray();
        double boundary = Math.Sqrt(Config.ImageGeometry.Pixels);   // k² = 784: beyond it P(x̂) must lose rank

        var mse = Panel("(a) test MSE per pixel, all probes pooled", "kernel size k", "MSE");
        LogLine(mse, k, runs.Select(r => r.All.PredictedMse), "closed form at the GD limit θ∞", Predicted, LinePattern.Solid, MarkerShape.FilledSquare);
        LogLine(mse, k, runs.Select(r => r.All.IterateMse), "closed form at the exact GD iterate θ_t", Iterate, LinePattern.Dashed, MarkerShape.OpenSquare);
        LogLine(mse, k, runs.Select(r => r.All.BoundMse ?? double.NaN), "bound k²‖x‖²‖Π_N(w0 − δ)‖² / 784", Bound, LinePattern.Dotted, MarkerShape.None);
        LogLine(mse, k, runs.Select(r => r.All.MeasuredMse), "trained network (measured)", Measured, null, MarkerShape.FilledCircle);
        RingStopped(mse, k, runs.Select(r => r.All.MeasuredMse), stopped, log: true);
        Boundary(mse, boundary);

        var agreement = Panel("(b) max |trained − closed form| over every probe pixel", "kernel size k", "max abs");
        LogLine(agreement, k, runs.Select(r => r.All.MaxAbsOutputDiff), "against θ∞", Predicted, LinePattern.Solid, MarkerShape.FilledSquare);
        LogLine(agreement, k, runs.Select(r => r.All.MaxAbsOutputDiffIterate), "against θ_t", Iterate, LinePattern.Dashed, MarkerShape.OpenSquare);
        if (runs.Any(r => r.Float64Gd is not null))
            LogLine(agreement, k, runs.Select(r => r.Float64Gd?.OutputsVsIterate ?? double.NaN), "GD rerun in float64, against θ_t", Expected, LinePattern.Dotted, MarkerShape.FilledDiamond);
        RingStopped(agreement, k, runs.Select(r => r.All.MaxAbsOutputDiff), stopped, log: true);
        Tolerance(agreement, TheoryTolerances.Outputs, "tolerance 1e-4");
        Boundary(agreement, boundary);

        var rank = Panel("(c) rank of P(x̂) (SVD, tolerance σ_max·max(m,n)·ε) against the k² taps and the 784 equations", "kernel size k", "count", logY: false);
        Line(rank, k, runs.Select(r => (double)(r.Kernel * r.Kernel)), "k² (kernel taps)", Reference, LinePattern.Dashed, MarkerShape.None);
        var equations = rank.Add.HorizontalLine(Config.ImageGeometry.Pixels, 1, Reference, LinePattern.Dotted);
        equations.LegendText = "784 (pixels: equations)";
        Line(rank, k, runs.Select(r => (double)r.Quadratic.Rank), "rank P(x̂)", Predicted, LinePattern.Solid, MarkerShape.FilledCircle);
        Boundary(rank, boundary);

        var condition = Panel("(d) condition number of P(x̂)ᵀP(x̂) on its nonzero spectrum", "kernel size k", "κ", floorNote: false);
        LogLine(condition, k, runs.Select(r => r.Quadratic.ConditionNumber), "κ = (σ_max / σ_min⁺)²", Predicted, LinePattern.Solid, MarkerShape.FilledCircle);
        Boundary(condition, boundary);

        var steps = Panel("(e) GD steps taken (ringed: stopped at the cap, loss above tolerance)", "kernel size k", "steps", floorNote: false);
        LogLine(steps, k, runs.Select(r => Math.Max(r.Training.Steps, 1.0)), "steps (0 drawn at 1)", Measured, LinePattern.Solid, MarkerShape.FilledCircle);
        RingStopped(steps, k, runs.Select(r => Math.Max(r.Training.Steps, 1.0)), stopped, log: true);
        foreach (var cap in runs.Select(r => r.Setup.Config.Training.MaxSteps).Distinct())
            Tolerance(steps, cap, $"step cap {cap}");
        Boundary(steps, boundary);

        return Compose([mse, agreement, rank, condition, steps]);
    }

    public static byte[] Sigma(IReadOnlyList<TheoryRunResult> runs)
    {
        var sigma = runs.Select(r => r.InitSigma).ToArray();
        var logSigma = sigma.Select(Math.Log10).ToArray();
        var stopped = runs.Select(r => !r.Training.Converged).ToArray();

        var mse = Panel("(a) test MSE per pixel vs init scale σ, all probes pooled", "σ of W0 ~ N(0, σ²)", "MSE");
        LogLine(mse, logSigma, runs.Select(r => r.All.ExpectedMse ?? double.NaN), "expectation (1 + dσ²)‖Π⊥x‖² / 784", Expected, LinePattern.Solid, MarkerShape.None);
        LogLine(mse, logSigma, runs.Select(r => r.All.PredictedMse), "closed form (this W0)", Predicted, null, MarkerShape.OpenSquare);
        LogLine(mse, logSigma, runs.Select(r => r.All.MeasuredMse), "trained network (measured)", Measured, null, MarkerShape.FilledCircle);
        LogLine(mse, logSigma, runs.Select(r => (r.All.ExpectedMse ?? double.NaN) / (1 + Config.ImageGeometry.Pixels * r.InitSigma * r.InitSigma)),
                "σ → 0: ‖Π⊥x‖² / 784", Reference, LinePattern.Dashed, MarkerShape.None);
        RingStopped(mse, logSigma, runs.Select(r => r.All.MeasuredMse), stopped, log: true);
        LogTicks(mse.Axes.Bottom);

        var agreement = Panel("(b) float checks: trained vs closed form, and W∞x vs Π∥x + W0Π⊥x", "σ of W0 ~ N(0, σ²)", "max abs");
        LogLine(agreement, logSigma, runs.Select(r => r.All.MaxAbsOutputDiff), "max |trained − closed form|", Measured, LinePattern.Solid, MarkerShape.FilledCircle);
        LogLine(agreement, logSigma, runs.Select(r => r.All.DecompositionMaxAbsError ?? double.NaN), "max |W∞x − (Π∥x + W0Π⊥x)| (float64)", Predicted, LinePattern.Solid, MarkerShape.OpenSquare);
        if (runs.Any(r => r.Float64Gd is not null))
            LogLine(agreement, logSigma, runs.Select(r => r.Float64Gd?.OutputsVsIterate ?? double.NaN), "GD rerun in float64, against θ_t", Expected, LinePattern.Dotted, MarkerShape.FilledDiamond);
        RingStopped(agreement, logSigma, runs.Select(r => r.All.MaxAbsOutputDiff), stopped, log: true);
        Tolerance(agreement, TheoryTolerances.Outputs, "tolerance 1e-4 (trained)");
        Tolerance(agreement, TheoryTolerances.Float64, "tolerance 1e-10 (float64)");
        LogTicks(agreement.Axes.Bottom);

        return Compose([mse, agreement]);
    }

    static Plot Panel(string title, string x, string y, bool logY = true, bool floorNote = true)
    {
        var plt = new Plot();
        plt.Font.Set("DejaVu Sans");
        plt.Title(title, 13);
        plt.XLabel(x, 12);
        plt.YLabel(!logY ? y : floorNote ? $"{y} (log; < {LogFloor:G0} drawn at {LogFloor:G0})" : $"{y} (log)", 12);
        if (logY) LogTicks(plt.Axes.Left);
        plt.ShowLegend(Edge.Right);
        // One data-area width for every panel, so a kernel size sits at the same x in all of them.
        plt.Layout.Fixed(new PixelPadding(left: 90, right: 330, bottom: 45, top: 36));
        return plt;
    }

    static void Line(Plot plt, double[] xs, IEnumerable<double> ys, string label, Color color, LinePattern? pattern, MarkerShape marker)
    {
        var y = ys.ToArray();
        var keep = Enumerable.Range(0, xs.Length).Where(i => double.IsFinite(y[i])).ToArray();
        if (keep.Length == 0) return;
        var s = plt.Add.Scatter(keep.Select(i => xs[i]).ToArray(), keep.Select(i => y[i]).ToArray(), color);
        s.LegendText = label;
        s.MarkerShape = marker;
        s.MarkerSize = marker == MarkerShape.None ? 0 : 7;
        if (pattern is { } p) { s.LinePattern = p; s.LineWidth = 1.6f; }
        else s.LineWidth = 0;
    }

    /// <summary>A series on a log10 y axis, values below <see cref="LogFloor"/> drawn at the floor.</summary>
    static void LogLine(Plot plt, double[] xs, IEnumerable<double> ys, string label, Color color, LinePattern? pattern, MarkerShape marker)
    {
        Line(plt, xs, ys.Select(LogValue), label, color, pattern, marker);
    }

    static double LogValue(double v) => double.IsNaN(v) ? double.NaN : Math.Log10(Math.Max(v, LogFloor));

    static void RingStopped(Plot plt, double[] xs, IEnumerable<double> ys, bool[] stopped, bool log)
    {
        var y = ys.ToArray();
        var idx = Enumerable.Range(0, xs.Length).Where(i => stopped[i] && double.IsFinite(y[i])).ToArray();
        if (idx.Length == 0) return;
        var m = plt.Add.Markers(idx.Select(i => xs[i]).ToArray(), idx.Select(i => log ? LogValue(y[i]) : y[i]).ToArray(), MarkerShape.OpenCircle, 16, Warning);
        m.MarkerLineWidth = 2;
        m.LegendText = "stopped at the step cap (not converged)";
    }

    static void Tolerance(Plot plt, double value, string label)
    {
        var line = plt.Add.HorizontalLine(LogValue(value), 1, Reference, LinePattern.Dotted);
        line.LegendText = label;
    }

    static void Boundary(Plot plt, double k)
    {
        var line = plt.Add.VerticalLine(k, 1, Reference, LinePattern.Dashed);
        line.LegendText = "k² = 784";
    }

    /// <summary>
    /// Ticks on a log10 axis labelled with the value: whole decades as 1eN, and, where the data
    /// span less than a decade and ScottPlot picks finer steps, the value itself (0.25, 0.4, ...).
    /// </summary>
    static void LogTicks(IAxis axis) => axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
    {
        LabelFormatter = v => Math.Abs(v - Math.Round(v)) < 1e-9
            ? "1e" + ((int)Math.Round(v)).ToString(CultureInfo.InvariantCulture)
            : Math.Pow(10, v) is var x && x >= 1e-3 && x < 1e5
                ? x.ToString(x >= 10 ? "F0" : "G2", CultureInfo.InvariantCulture)
                : x.ToString("0.#e0", CultureInfo.InvariantCulture),
    };

    static byte[] Compose(IReadOnlyList<Plot> panels)
    {
        var info = new SKImageInfo(Width, PanelHeight * panels.Count, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        for (int i = 0; i < panels.Count; i++)
        {
            using var bitmap = SKBitmap.Decode(panels[i].GetImageBytes(Width, PanelHeight, ImageFormat.Png));
            surface.Canvas.DrawBitmap(bitmap, 0, i * PanelHeight);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
