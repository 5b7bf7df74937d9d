using SkiaSharp;

namespace IdentityCrisis.Data;

/// <summary>Decodes a PNG to a plane of BT.601 luma values (0..255), for cutting natural probes.</summary>
internal static class PngLuminance
{
    public static (double[] Luma, int Width, int Height) Read(string path)
    {
        using var codec = SKCodec.Create(path)
            ?? throw new DataFileException(path, "is not an image SkiaSharp can decode", "Use the PNG files of python3-skimage 0.19.3");
        // No colour space on the target: pixels come out as stored, with no ICC conversion, so the
        // result matches what PIL and scikit-image read from the same file.
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul, null);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
            throw new DataFileException(path, $"could not be decoded ({result})", "Use the PNG files of python3-skimage 0.19.3");
        var pixels = bitmap.GetPixelSpan();
        var luma = new double[info.Width * info.Height];
        for (int p = 0; p < luma.Length; p++)
            luma[p] = Luminance.Of(pixels[4 * p], pixels[4 * p + 1], pixels[4 * p + 2]);
        return (luma, info.Width, info.Height);
    }
}
