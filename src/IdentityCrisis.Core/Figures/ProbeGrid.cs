using SkiaSharp;

namespace IdentityCrisis.Figures;

/// <summary>One row of a probe grid: a label and one 28x28 image per column (null = blank cell).</summary>
public sealed record GridRow(string Label, IReadOnlyList<float[]?> Images);

/// <summary>
/// The paper's figure layout: a column per probe, the training image first; the top row
/// shows the inputs, each row below shows one network's outputs. Pixels are clipped to
/// [0,1] and drawn black-to-white without rescaling, so a dark (washed-out) output looks
/// dark, as in the paper.
/// </summary>
public static class ProbeGrid
{
    public static void RenderPng(string path, string title, IReadOnlyList<string> columnLabels, IReadOnlyList<GridRow> rows, int scale = 3)
    {
        using var image = Render(title, columnLabels, rows, scale);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        var tmp = path + ".tmp";
        using (var fs = File.Create(tmp)) data.SaveTo(fs);
        File.Move(tmp, path, overwrite: true);
    }

    public static SKImage Render(string title, IReadOnlyList<string> columnLabels, IReadOnlyList<GridRow> rows, int scale = 3)
    {
        const int side = 28, gap = 4, margin = 8;
        int cell = side * scale;
        using var font = new SKFont(SKTypeface.Default, 12);
        using var titleFont = new SKFont(SKTypeface.Default, 14);
        int labelWidth = (int)Math.Ceiling(rows.Select(r => font.MeasureText(r.Label)).DefaultIfEmpty(0).Max()) + 2 * gap;
        int headerHeight = 18 + (columnLabels.Count > 0 ? 3 * 13 : 0);
        int cols = Math.Max(columnLabels.Count, rows.Select(r => r.Images.Count).DefaultIfEmpty(0).Max());
        int width = margin * 2 + labelWidth + cols * (cell + gap);
        int height = margin * 2 + headerHeight + rows.Count * (cell + gap);

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var frame = new SKPaint { Color = new SKColor(200, 200, 200), Style = SKPaintStyle.Stroke };

        canvas.DrawText(title, margin, margin + 12, SKTextAlign.Left, titleFont, ink);
        for (int c = 0; c < columnLabels.Count; c++)
        {
            float x = margin + labelWidth + c * (cell + gap);
            var lines = Wrap(columnLabels[c], font, cell).Take(3).ToList();
            for (int l = 0; l < lines.Count; l++)
            {
                // A single long word ("checkerboard") must not run into its neighbour: shrink it to the cell.
                float w = font.MeasureText(lines[l]);
                using var fitted = new SKFont(SKTypeface.Default, w > cell ? Math.Max(6f, font.Size * cell / w) : font.Size);
                canvas.DrawText(lines[l], x + cell / 2f, margin + 18 + 12 + l * 13, SKTextAlign.Center, fitted, ink);
            }
        }
        for (int r = 0; r < rows.Count; r++)
        {
            float y = margin + headerHeight + r * (cell + gap);
            canvas.DrawText(rows[r].Label, margin, y + cell / 2f + 4, SKTextAlign.Left, font, ink);
            for (int c = 0; c < rows[r].Images.Count; c++)
            {
                float x = margin + labelWidth + c * (cell + gap);
                var img = rows[r].Images[c];
                if (img is null) continue;
                using var bitmap = ToBitmap(img);
                canvas.DrawImage(SKImage.FromBitmap(bitmap), new SKRect(x, y, x + cell, y + cell), new SKSamplingOptions(SKFilterMode.Nearest));
                canvas.DrawRect(x - 0.5f, y - 0.5f, cell + 1, cell + 1, frame);
            }
        }
        return surface.Snapshot();
    }

    static SKBitmap ToBitmap(float[] pixels)
    {
        int side = (int)Math.Round(Math.Sqrt(pixels.Length));
        var bmp = new SKBitmap(new SKImageInfo(side, side, SKColorType.Gray8, SKAlphaType.Opaque));
        var bytes = new byte[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            float v = float.IsFinite(pixels[i]) ? Math.Clamp(pixels[i], 0f, 1f) : 0f;
            bytes[i] = (byte)Math.Round(v * 255);
        }
        System.Runtime.InteropServices.Marshal.Copy(bytes, 0, bmp.GetPixels(), bytes.Length);
        return bmp;
    }

    static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (font.MeasureText(candidate) <= width || line.Length == 0) line = candidate;
            else { yield return line; line = word; }
        }
        if (line.Length > 0) yield return line;
    }
}
