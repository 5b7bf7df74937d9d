using System.Diagnostics;

namespace IdentityCrisis.Cli;

/// <summary>
/// LibTorch training loops under glibc malloc grow resident memory by megabytes per step
/// (measured: 4-6 GiB after 500 FCN+Adam steps); tcmalloc keeps it flat (docs/memory.md).
/// The allocator must be chosen before the process starts, so when tcmalloc is installed
/// but not preloaded we run ourselves again with LD_PRELOAD set and pass the exit code on.
/// ICRISIS_NO_REEXEC=1 turns this off.
/// </summary>
public static class AllocatorBootstrap
{
    public static readonly string[] TcmallocPaths =
    [
        "/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4",
        "/usr/lib/aarch64-linux-gnu/libtcmalloc_minimal.so.4",
        "/usr/lib64/libtcmalloc_minimal.so.4",
        "/usr/lib/libtcmalloc_minimal.so.4",
    ];

    public static string? FindTcmalloc() => TcmallocPaths.FirstOrDefault(File.Exists);

    public static bool TryReexecWithTcmalloc(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (!OperatingSystem.IsLinux()) return false;
        if (Environment.GetEnvironmentVariable("ICRISIS_NO_REEXEC") == "1") return false;
        var preload = Environment.GetEnvironmentVariable("LD_PRELOAD") ?? "";
        if (preload.Contains("tcmalloc")) return false;
        var lib = FindTcmalloc();
        var self = Environment.ProcessPath;
        if (lib is null || self is null) return false;

        var psi = new ProcessStartInfo(self) { UseShellExecute = false };
        // Under `dotnet icrisis.dll`, ProcessPath is the dotnet host: pass the dll on.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            psi.ArgumentList.Add(typeof(AllocatorBootstrap).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["LD_PRELOAD"] = string.IsNullOrEmpty(preload) ? lib : $"{lib}:{preload}";
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
