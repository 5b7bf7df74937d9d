using SkiaSharp;

namespace IdentityCrisis.Figures;

/// <summary>
/// A labelled heatmap (rows x columns) with the value written in every cell and a colour bar.
/// Drawn directly with SkiaSharp so every cell, including missing ones, is exactly where
/// its labels say. Colours run over a fixed range so heatmaps of different sweeps compare.
/// </summary>
public sealed class HeatmapChart
{
    public string Title { get; init; } = "";
    public string RowAxis { get; init; } = "";
    public string ColumnAxis { get; init; } = "";
    public required IReadOnlyList<string> RowLabels { get; init; }
    public required IReadOnlyList<string> ColumnLabels { get; init; }
    /// <summary>Values[row, column]; NaN = no data (drawn hatched grey).</summary>
    public required double[,] Values { get; init; }
    /// <summary>Extra text after the value in a cell, e.g. a mark for unconverged trials.</summary>
    public string[,]? Notes { get; init; }
    public double Min { get; init; }
    public double Max { get; init; } = 1;

    public byte[] RenderPng()
    {
        int rows = RowLabels.Count, cols = ColumnLabels.Count;
        const int cell = 58, margin = 12, titleHeight = 28, barWidth = 18;
        using var font = new SKFont(Typeface, 12);
        using var small = new SKFont(Typeface, 11);
        using var titleFont = new SKFont(Typeface, 15);
        int rowLabelWidth = (int)Math.Ceiling(RowLabels.Select(l => font.MeasureText(l)).DefaultIfEmpty(0).Max()) + 8;
        int axisBand = 18;
        int left = margin + axisBand + rowLabelWidth, top = margin + titleHeight;
        int gridW = cols * cell, gridH = rows * cell;
        int width = Math.Max(left + gridW + 24 + barWidth + 48 + margin, 2 * margin + (int)Math.Ceiling(titleFont.MeasureText(Title)));
        int height = top + gridH + 20 + axisBand + margin;

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var fill = new SKPaint { Style = SKPaintStyle.Fill };
        using var hatch = new SKPaint { Color = new SKColor(150, 150, 150), Style = SKPaintStyle.Stroke, StrokeWidth = 1 };

        canvas.DrawText(Title, margin, margin + 16, SKTextAlign.Left, titleFont, ink);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                var rect = SKRect.Create(left + c * cell, top + r * cell, cell, cell);
                double v = Values[r, c];
                if (double.IsNaN(v))
                {
                    fill.Color = new SKColor(235, 235, 235);
                    canvas.DrawRect(rect, fill);
                    canvas.Save();
                    canvas.ClipRect(rect);
                    for (float d = -cell; d < cell; d += 8) canvas.DrawLine(rect.Left + d, rect.Bottom, rect.Left + d + cell, rect.Top, hatch);
                    canvas.Restore();
                    continue;
                }
                var color = Viridis((v - Min) / (Max - Min));
                fill.Color = color;
                canvas.DrawRect(rect, fill);
                using var text = new SKPaint { Color = Luminance(color) > 0.5 ? SKColors.Black : SKColors.White, IsAntialias = true };
                var note = Notes?[r, c] ?? "";
                canvas.DrawText(v.ToString("F2", System.Globalization.CultureInfo.InvariantCulture), rect.MidX, rect.MidY + (note.Length > 0 ? -1 : 4), SKTextAlign.Center, font, text);
                if (note.Length > 0) canvas.DrawText(note, rect.MidX, rect.MidY + 14, SKTextAlign.Center, small, text);
            }
        for (int r = 0; r < rows; r++)
            canvas.DrawText(RowLabels[r], left - 6, top + r * cell + cell / 2f + 4, SKTextAlign.Right, font, ink);
        for (int c = 0; c < cols; c++)
            canvas.DrawText(ColumnLabels[c], left + c * cell + cell / 2f, top + gridH + 15, SKTextAlign.Center, font, ink);
        canvas.DrawText(ColumnAxis, left + gridW / 2f, top + gridH + 34, SKTextAlign.Center, font, ink);
        canvas.Save();
        canvas.RotateDegrees(-90, margin + 12, top + gridH / 2f);
        canvas.DrawText(RowAxis, margin + 12, top + gridH / 2f, SKTextAlign.Center, font, ink);
        canvas.Restore();

        float barX = left + gridW + 24;
        for (int y = 0; y < gridH; y++)
        {
            fill.Color = Viridis(1 - y / (double)Math.Max(gridH - 1, 1));
            canvas.DrawRect(barX, top + y, barWidth, 1, fill);
        }
        foreach (var f in new[] { 0.0, 0.5, 1.0 })
        {
            double value = Min + f * (Max - Min);
            float y = top + (float)((1 - f) * (gridH - 1));
            canvas.DrawText(value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), barX + barWidth + 4, y + 4, SKTextAlign.Left, small, ink);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    static SKTypeface Typeface => SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;

    /// <summary>Viridis, interpolated between eight of its anchor colours; values outside [0,1] clamp.</summary>
    public static SKColor Viridis(double t)
    {
        t = double.IsFinite(t) ? Math.Clamp(t, 0, 1) : 0;
        double pos = t * (ViridisStops.Length / 3 - 1);
        int i = Math.Min((int)pos, ViridisStops.Length / 3 - 2);
        double f = pos - i;
        byte Lerp(int k) => (byte)Math.Round(ViridisStops[i * 3 + k] + f * (ViridisStops[(i + 1) * 3 + k] - ViridisStops[i * 3 + k]));
        return new SKColor(Lerp(0), Lerp(1), Lerp(2));
    }

    static readonly byte[] ViridisStops =
    [
        68, 1, 84, 70, 50, 126, 54, 92, 141, 39, 127, 142,
        31, 161, 135, 74, 193, 109, 160, 218, 57, 253, 231, 37,
    ];

    static double Luminance(SKColor c) => (0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue) / 255;
}
