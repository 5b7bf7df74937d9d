namespace IdentityCrisis.Data;

/// <summary>
/// Colour to gray by ITU-R BT.601 luma, Y = 0.299 R + 0.587 G + 0.114 B: the weights PIL's
/// convert('L') and most CIFAR-in-grayscale baselines use, so our gray CIFAR matches theirs.
/// </summary>
public static class Luminance
{
    public const double Red = 0.299;
    public const double Green = 0.587;
    public const double Blue = 0.114;

    /// <summary>Luma of one pixel, on the same 0..255 scale as its channels.</summary>
    public static double Of(byte r, byte g, byte b) => Red * r + Green * g + Blue * b;
}
