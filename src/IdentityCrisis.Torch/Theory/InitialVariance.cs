using IdentityCrisis.Config;

namespace IdentityCrisis.Theory;

/// <summary>
/// The variance of a single 784 → 784 linear layer's initial entries under each scheme of
/// <see cref="Architectures.Initialization"/>, for the expected error (1 + dσ²)‖Π⊥x‖².
/// </summary>
public static class InitialVariance
{
    public static (double Weight, double Bias) OfFcnLayer(ArchitectureConfig config)
    {
        const double fanIn = ImageGeometry.Pixels, fanOut = ImageGeometry.Pixels;
        return config.Init switch
        {
            "gaussian" => (config.InitSigma * config.InitSigma, 0),
            // LibTorch's Linear reset: kaiming_uniform with a = √5 gives U(±1/√fan_in) for the
            // weights, and the bias is drawn from the same interval; a uniform on ±h has variance h²/3.
            "default" => (1 / (3 * fanIn), config.Bias ? 1 / (3 * fanIn) : 0),
            "he" => (2 / fanIn, 0),
            "glorot" => (2 / (fanIn + fanOut), 0),
            _ => throw new ConfigException($"architecture.init = '{config.Init}' is unknown"),
        };
    }
}
