using System.Reflection;
using System.Runtime.InteropServices;

namespace IdentityCrisis.Results;

/// <summary>Everything about the machine and build that can change a number, stored with every result.</summary>
public sealed record EnvironmentInfo
{
    public string ToolVersion { get; init; } = "";
    /// <summary>git describe of the source tree the tool was built from (with -dirty when uncommitted changes were built).</summary>
    public string GitCommit { get; init; } = "";
    public string TorchSharpVersion { get; init; } = "";
    public string LibTorchVersion { get; init; } = "";
    public int Threads { get; init; }
    public string Device { get; init; } = "";
    public string Os { get; init; } = "";
    public string Cpu { get; init; } = "";
    public int ProcessorCount { get; init; }
    public string DotnetVersion { get; init; } = "";
    /// <summary>The malloc in use: "tcmalloc (LD_PRELOAD)" or "glibc" (see docs/memory.md).</summary>
    public string Allocator { get; init; } = "";
    /// <summary>OMP_WAIT_POLICY as the process started ("PASSIVE" unless the user chose otherwise).</summary>
    public string OmpWaitPolicy { get; init; } = "";
    public DateTime StartedUtc { get; init; }
    /// <summary>
    /// Where each image set came from ("embedded pack" or a fetched file): the same probe
    /// seed draws different images from the 1,000-item pack than from the full test set.
    /// </summary>
    public IReadOnlyDictionary<string, string> DataSources { get; init; } = new Dictionary<string, string>();

    /// <summary>The fields that do not need LibTorch; the training side adds the rest.</summary>
    public static EnvironmentInfo Capture()
    {
        var asm = typeof(EnvironmentInfo).Assembly;
        var info = asm.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        var plus = info.IndexOf('+');
        return new EnvironmentInfo
        {
            ToolVersion = plus >= 0 ? info[..plus] : info,
            GitCommit = plus >= 0 ? info[(plus + 1)..] : "unknown",
            Os = RuntimeInformation.OSDescription,
            Cpu = CpuModel(),
            ProcessorCount = Environment.ProcessorCount,
            DotnetVersion = RuntimeInformation.FrameworkDescription,
            Allocator = AllocatorInUse(),
            OmpWaitPolicy = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "(unset: OpenMP default)",
            StartedUtc = DateTime.UtcNow,
        };
    }

    public static string AllocatorInUse()
    {
        var preload = Environment.GetEnvironmentVariable("LD_PRELOAD") ?? "";
        return preload.Contains("tcmalloc") ? "tcmalloc (LD_PRELOAD)" : "glibc malloc";
    }

    static string CpuModel()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
                if (line.StartsWith("model name")) return line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
