using IdentityCrisis.Config;

namespace IdentityCrisis.Data;

/// <summary>
/// One CIFAR-10 binary batch: per record a label byte then a 32x32 image as three 1024-byte
/// planes (red, green, blue), each row-major. Kept as bytes; <see cref="GrayImage"/> converts
/// one record to this tool's 28x28 grayscale on demand.
/// </summary>
public sealed class CifarBatch
{
    public const int Side = 32;
    public const int PlaneBytes = Side * Side;
    public const int RecordBytes = 1 + 3 * PlaneBytes;
    public const int ClassCount = 10;
    /// <summary>Size of every batch file in the official cifar-10-binary.tar.gz (10,000 records).</summary>
    public const long OfficialBatchBytes = 10_000L * RecordBytes;

    public byte[] Labels { get; }
    /// <summary>Count x 3072 bytes: each record's image without its label.</summary>
    public byte[] Pixels { get; }

    public CifarBatch(byte[] labels, byte[] pixels)
    {
        if (pixels.Length != labels.Length * 3 * PlaneBytes)
            throw new ArgumentException($"{labels.Length} labels need {labels.Length * 3 * PlaneBytes} pixel bytes, got {pixels.Length}");
        Labels = labels;
        Pixels = pixels;
    }

    public int Count => Labels.Length;

    public float[] GrayImage(int index) => ToGray28(Pixels.AsSpan(index * 3 * PlaneBytes, 3 * PlaneBytes));

    /// <summary>
    /// BT.601 luma of each 32x32 pixel, then area averaging 32 -> 28 (each output pixel is the
    /// mean over 8/7 x 8/7 input pixels), then /255. Resizing rather than cropping keeps the
    /// whole scene; averaging rather than sampling keeps aliasing of fine texture low. Values stay
    /// floats: rounding back to bytes would add quantization noise the network never saw in MNIST.
    /// </summary>
    public static float[] ToGray28(ReadOnlySpan<byte> rgbPlanes)
    {
        if (rgbPlanes.Length != 3 * PlaneBytes)
            throw new ArgumentException($"a CIFAR image has {3 * PlaneBytes} bytes, got {rgbPlanes.Length}");
        var luma = new double[PlaneBytes];
        for (int p = 0; p < PlaneBytes; p++)
            luma[p] = Luminance.Of(rgbPlanes[p], rgbPlanes[PlaneBytes + p], rgbPlanes[2 * PlaneBytes + p]);
        var small = AreaResampler.Resize(luma, Side, 0, 0, Side, Side, ImageGeometry.Side, ImageGeometry.Side);
        var image = new float[ImageGeometry.Pixels];
        for (int i = 0; i < image.Length; i++) image[i] = (float)(small[i] / 255.0);
        return image;
    }
}
