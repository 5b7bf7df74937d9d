using System.Diagnostics;

namespace IdentityCrisis.Cli;

/// <summary>
/// Two process settings that must exist before the process starts (the native libraries
/// read them when they load, and .NET does not pass its own environment changes to them):
/// - LD_PRELOAD of tcmalloc: LibTorch training loops under glibc malloc grow resident
///   memory by megabytes per step (measured: 9 GiB after 500 FCN+Adam steps); tcmalloc
///   keeps it flat (docs/memory.md);
/// - OMP_WAIT_POLICY=PASSIVE: LibTorch's OpenMP threads otherwise spin while waiting, and
///   when anything else runs on the cores a step can take 40x longer (measured: 200 steps
///   of the default CNN in 100 s instead of 2.3 s beside a busy sweep; docs/sweeps.md).
/// When either is missing we run ourselves again with them set and pass the exit code on.
/// A user's own OMP_WAIT_POLICY is kept. ICRISIS_NO_REEXEC=1 turns this off.
/// </summary>
public static class ProcessBootstrap
{
    public static readonly string[] TcmallocPaths =
    [
        "/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4",
        "/usr/lib/aarch64-linux-gnu/libtcmalloc_minimal.so.4",
        "/usr/lib64/libtcmalloc_minimal.so.4",
        "/usr/lib/libtcmalloc_minimal.so.4",
    ];

    public static string? FindTcmalloc() => TcmallocPaths.FirstOrDefault(File.Exists);

    public static bool TryReexecWithNativeSettings(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (!OperatingSystem.IsLinux()) return false;
        if (Environment.GetEnvironmentVariable("ICRISIS_NO_REEXEC") == "1") return false;
        var preload = Environment.GetEnvironmentVariable("LD_PRELOAD") ?? "";
        var lib = FindTcmalloc();
        bool needAllocator = lib is not null && !preload.Contains("tcmalloc");
        bool needWaitPolicy = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null;
        var self = Environment.ProcessPath;
        if (!(needAllocator || needWaitPolicy) || self is null) return false;

        var psi = new ProcessStartInfo(self) { UseShellExecute = false };
        // Under `dotnet icrisis.dll`, ProcessPath is the dotnet host: pass the dll on.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            psi.ArgumentList.Add(typeof(ProcessBootstrap).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (needAllocator) psi.Environment["LD_PRELOAD"] = string.IsNullOrEmpty(preload) ? lib : $"{lib}:{preload}";
        if (needWaitPolicy) psi.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        psi.Environment["ICRISIS_NO_REEXEC"] = "1";
        using var child = Process.Start(psi);
        if (child is null) return false;
        // Ctrl+C reaches both processes (same process group); the child handles it, we wait for it.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        child.WaitForExit();
        exitCode = child.ExitCode;
        return true;
    }
}
