namespace IdentityCrisis.Config;

/// <summary>Every image in this tool is 28x28 grayscale with pixels in [0,1], row-major.</summary>
public static class ImageGeometry
{
    public const int Side = 28;
    public const int Pixels = Side * Side;
}
