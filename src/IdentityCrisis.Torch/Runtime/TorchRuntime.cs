using System.Reflection;
using IdentityCrisis.Architectures;
using IdentityCrisis.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Runtime;

/// <summary>
/// Process-wide LibTorch settings. Threads are set once: LibTorch's intra-op pool is
/// global, and results are bit-identical only for a fixed thread count.
/// </summary>
public static class TorchRuntime
{
    private static readonly object Gate = new();
    private static int? threads;

    /// <summary>Sets the intra-op thread count (0 = all cores) the first time; later calls must agree.</summary>
    public static int EnsureThreads(int requested)
    {
        int n = requested > 0 ? requested : Environment.ProcessorCount;
        lock (Gate)
        {
            if (threads is null)
            {
                torch.set_num_threads(n);
                threads = n;
            }
            else if (threads != n)
            {
                throw new ConfigException($"training.threads = {requested} differs from the {threads} threads this process already uses; run it in its own process");
            }
            return n;
        }
    }

    private static readonly object SeedGate = new();

    /// <summary>
    /// Seeds LibTorch's global generator and builds the network under one lock: module
    /// constructors draw from that global generator, so two sweep workers building networks
    /// at once would otherwise interleave their draws and lose reproducibility.
    /// </summary>
    public static ImageNetwork CreateSeeded(ArchitectureConfig config, int seed)
    {
        lock (SeedGate)
        {
            torch.manual_seed(seed);
            return ArchitectureRegistry.Create(config);
        }
    }

    public static Device ResolveDevice(string device)
    {
        if (device == "cpu") return torch.CPU;
        if (!torch.cuda.is_available())
            throw new ConfigException($"training.device = '{device}' but no CUDA device is usable: this build uses the CPU LibTorch package " +
                                      "(libtorch-cpu-linux-x64). Use --device cpu, or reference libtorch-cuda-12.8-linux-x64 in Directory.Packages.props on a CUDA machine.");
        return torch.device(device);
    }

    public static string TorchSharpVersion =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static string LibTorchVersion => torch.__version__;

    public static int CurrentThreads => torch.get_num_threads();
}
