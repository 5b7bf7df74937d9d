using IdentityCrisis.Config;

namespace IdentityCrisis.Probes;

/// <summary>Random images: uniform on [0,1], and Gaussian N(0.5, 0.25^2) clipped to [0,1].</summary>
public static class Noise
{
    public static float[] Uniform(Random rng)
    {
        var img = new float[ImageGeometry.Pixels];
        for (int i = 0; i < img.Length; i++) img[i] = (float)rng.NextDouble();
        return img;
    }

    public static float[] Gaussian(Random rng, double mean = 0.5, double std = 0.25)
    {
        var img = new float[ImageGeometry.Pixels];
        for (int i = 0; i < img.Length; i++)
        {
            // Box-Muller: System.Random has no normal sampler, and this stays stable across .NET versions.
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            double z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            img[i] = (float)Math.Clamp(mean + std * z, 0, 1);
        }
        return img;
    }
}
