namespace IdentityCrisis.Data;

/// <summary>
/// The photographs the "natural" probes are cut from: the scikit-image sample images whose
/// documentation (skimage/data/_fetchers.py of scikit-image 0.19.3) states CC0 or public-domain
/// terms. Images with no stated terms ("moon", "page") or only "no known copyright
/// restrictions" ("coins", "ihc") are left out. The SHA-256 pins the exact file whose terms were
/// read; a different scikit-image release is refused rather than silently mislabelled.
/// </summary>
public static class NaturalImageCatalog
{
    /// <summary>Where the files were taken from, recorded in the manifest.</summary>
    public const string Package = "Debian bookworm python3-skimage 0.19.3-8, /usr/lib/python3/dist-packages/skimage/data";

    public sealed record Entry(string Name, string File, string Sha256, string Licence, string Author, string Origin);

    public static IReadOnlyList<Entry> Images { get; } =
    [
        new("camera", "camera.png", "b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a",
            "CC0 1.0", "Lav Varshney", "scikit-image sample data (replacement camera image, scikit-image issue 3927)"),
        new("astronaut", "astronaut.png", "88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5",
            "Public domain", "NASA", "NASA Great Images database, https://flic.kr/p/r9qvLn"),
        new("chelsea", "chelsea.png", "596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb",
            "CC0 1.0", "Stefan van der Walt", "scikit-image sample data"),
        new("coffee", "coffee.png", "cc02f8ca188b167c775a7101b5d767d1e71792cf762c33d6fa15a4599b5a8de7",
            "CC0 1.0", "Rachel Michetti (courtesy of Pikolo Espresso Bar)", "scikit-image sample data"),
        new("brick", "brick.png", "7966caf324f6ba843118d98f7a07746d22f6a343430add0233eca5f6eaaa8fcf",
            "CC0 1.0", "CC0Textures (Bricks25), transformed by scikit-image", "https://cc0textures.com/view.php?tex=Bricks25"),
        new("grass", "grass.png", "b6b6022426b38936c43a4ac09635cd78af074e90f42ffa8227ac8b7452d39f89",
            "CC0 1.0", "linolafett (DeviantArt), cropped by scikit-image", "https://www.deviantart.com/linolafett/art/Grass-01-434853879"),
        new("gravel", "gravel.png", "c48615b451bf1e606fbd72c0aa9f8cc0f068ab7111ef7d93bb9b0f2586440c12",
            "CC0 1.0", "CC0Textures (Gravel04), rescaled and cropped by scikit-image", "https://cc0textures.com/view.php?tex=Gravel04"),
        new("clock", "clock_motion.png", "f029226b28b642e80113d86622e9b215ee067a0966feaf5e60604a1e05733955",
            "Public domain", "Stefan van der Walt", "scikit-image sample data"),
    ];

    /// <summary>
    /// The squares each image contributes, as (x, y, side) in source pixels: the largest centred
    /// square (the whole scene), its four corner halves and centre half, and the four quarters
    /// around its centre. Three scales give probes from smooth to textured at the 28x28 size.
    /// </summary>
    public static IReadOnlyList<(int X, int Y, int Side)> ProbeSquares(int width, int height)
    {
        int side = Math.Min(width, height);
        int left = (width - side) / 2, top = (height - side) / 2;
        int half = side / 2, quarter = side / 4;
        int centreX = left + side / 2, centreY = top + side / 2;
        return
        [
            (left, top, side),
            (left, top, half),
            (left + side - half, top, half),
            (left, top + side - half, half),
            (left + side - half, top + side - half, half),
            (left + (side - half) / 2, top + (side - half) / 2, half),
            (centreX - quarter, centreY - quarter, quarter),
            (centreX, centreY - quarter, quarter),
            (centreX - quarter, centreY, quarter),
            (centreX, centreY, quarter),
        ];
    }
}
