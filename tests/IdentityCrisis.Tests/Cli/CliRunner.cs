using IdentityCrisis.Cli;

namespace IdentityCrisis.Tests.Cli;

public static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    // Every test's folders live under one root per test process, removed when the process
    // exits, so a test run leaves nothing behind (each run wrote ~15 MB of sweeps and runs
    // into /tmp before). Roots of test processes that died without cleaning are removed too.
    static readonly Lazy<string> root = new(() =>
    {
        const string stem = "icrisis-tests-pid";
        foreach (var old in Directory.EnumerateDirectories(Path.GetTempPath(), stem + "*"))
            if (int.TryParse(Path.GetFileName(old)[stem.Length..], out var pid) && !IsRunning(pid))
                TryDelete(old);
        var r = Path.Combine(Path.GetTempPath(), stem + Environment.ProcessId);
        Directory.CreateDirectory(r);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(r);
        return r;
    });

    static bool IsRunning(int pid)
    {
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public static string TempDir(string prefix)
    {
        var d = Path.Combine(root.Value, $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(d);
        return d;
    }
}
