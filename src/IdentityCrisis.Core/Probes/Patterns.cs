using IdentityCrisis.Config;

namespace IdentityCrisis.Probes;

/// <summary>
/// The paper's algorithmic probes. Fine stripes (period 2) and dots test whether a
/// network passes high frequencies through; the square, disk and ellipse test shapes a '7'
/// never contains; the gradient tests a smooth ramp.
/// </summary>
public static class Patterns
{
    const int S = ImageGeometry.Side;

    public static IReadOnlyList<(string Name, float[] Pixels)> All() =>
    [
        ("square", Draw((r, c) => r >= 7 && r < 21 && c >= 7 && c < 21)),
        ("stripes", Draw((r, c) => c % 2 == 0)),                       // vertical, period 2 px
        ("bars", Draw((r, c) => c % 8 < 4)),                           // vertical, period 8 px
        ("gradient", Draw((r, c) => c / (float)(S - 1))),              // 0 at the left edge, 1 at the right
        ("dots", Draw((r, c) => r % 5 is 2 or 3 && c % 5 is 2 or 3)),  // 2x2 dots on a 5 px lattice
        ("disk", Draw((r, c) => Radius(r, c) <= 8)),
        ("ring", Draw((r, c) => Radius(r, c) is >= 6 and <= 10)),
        ("ellipse", Draw((r, c) => Sq((c - 13.5) / 11) + Sq((r - 13.5) / 6) <= 1)),
        ("checkerboard", Draw((r, c) => (r / 4 + c / 4) % 2 == 0)),     // 4x4 cells
    ];

    static double Radius(int r, int c) => Math.Sqrt(Sq(r - 13.5) + Sq(c - 13.5));
    static double Sq(double v) => v * v;

    static float[] Draw(Func<int, int, bool> on) => Draw((r, c) => on(r, c) ? 1f : 0f);

    static float[] Draw(Func<int, int, float> value)
    {
        var img = new float[ImageGeometry.Pixels];
        for (int r = 0; r < S; r++)
            for (int c = 0; c < S; c++)
                img[r * S + c] = value(r, c);
        return img;
    }
}
