using IdentityCrisis.Config;
using IdentityCrisis.Probes;
using IdentityCrisis.Runtime;
using IdentityCrisis.Theory;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Tests.Theory;

/// <summary>Configs and probes for the theory tests: few probes per set so every test takes seconds.</summary>
public static class TheoryFixtures
{
    public static RunConfig Config(string kind, int kernel = 5, bool bias = false, string init = "default", double sigma = 0.01,
                                   int maxSteps = 100_000, double tolerance = TheoryTolerances.StoppingLoss, int perSet = 4, int seed = 0) => new()
    {
        Architecture = new ArchitectureConfig
        {
            Kind = kind, Depth = 1, Channels = 1, Kernel = kernel, Padding = "zeros", Activation = "linear",
            Bias = bias, Init = init, InitSigma = sigma,
        },
        Training = new TrainingConfig
        {
            Optimizer = "gd", LearningRate = 1, MaxSteps = maxSteps, Tolerance = tolerance, Seed = seed,
            TrainImages = 1, BatchSize = 0, LogEvery = 1000,
        },
        Probes = new ProbeConfig { PerSet = perSet },
    };

    /// <summary>θ0 of the seeded network the config describes, as the theory reads it.</summary>
    public static Tensor InitialParameters(RunConfig config)
    {
        TorchTestSetup.Init();
        using var network = TorchRuntime.CreateSeeded(config.Architecture, config.Training.Seed);
        return SingleLayerParameters.Read(network);
    }

    /// <summary>A few probes from every set the tool knows without a download.</summary>
    public static IReadOnlyList<float[]> Probes(int perSet = 3) =>
        ProbeLibrary.Build(new ProbeConfig { PerSet = perSet }, TestData.Catalog).SelectMany(s => s.Probes.Take(perSet).Select(p => p.Pixels)).ToList();

    public static double MaxAbs(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return (a.to(float64) - b.to(float64)).abs().max().item<double>();
    }

    public static double MaxAbs(double[] a, float[] b) => a.Select((v, i) => Math.Abs(v - b[i])).Max();
}
