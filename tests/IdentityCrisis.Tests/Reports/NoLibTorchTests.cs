using System.Diagnostics;
using IdentityCrisis.Reports.Diagnostics;

namespace IdentityCrisis.Tests.Reports;

/// <summary>
/// Reports must render on machines without LibTorch. The report command runs in a child
/// process (the built icrisis.dll next to the tests) and, with ICRISIS_DEBUG_LOADED=1, lists
/// every managed assembly and every native library it loaded; none may be TorchSharp,
/// LibTorch or our Torch project.
/// </summary>
public class NoLibTorchTests
{
    [Fact]
    public void ReportCommandLoadsNeitherTorchSharpNorLibTorch()
    {
        using var dir = new ReportTestFolder();
        ReportFixture.WriteAll(dir["sweeps"]);
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "icrisis.dll"));
        foreach (var a in new[] { "report", dir["sweeps"], "--out", dir["report"] }) psi.ArgumentList.Add(a);
        psi.Environment["ICRISIS_NO_REEXEC"] = "1";
        psi.Environment[LoadedModules.EnvironmentVariable] = "1";
        using var child = Process.Start(psi)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEnd();
        Assert.True(child.WaitForExit(120_000), "report did not finish in 2 minutes");
        Assert.True(child.ExitCode == 0, $"exit {child.ExitCode}: {stderr.Result}");

        var assemblies = Lines(stdout, "loaded assembly: ");
        var natives = Lines(stdout, "loaded native: ");
        // The listing itself must work, or an empty list would pass vacuously.
        Assert.Contains("IdentityCrisis.Core", assemblies);
        Assert.Contains("icrisis", assemblies);
        Assert.Contains(natives, n => n.Contains("libSkiaSharp"));
        Assert.Contains(natives, n => n.Contains("libe_sqlite3"));
        Assert.DoesNotContain(assemblies, a => a.Contains("Torch", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(natives, n => n.Contains("torch", StringComparison.OrdinalIgnoreCase));
    }

    static List<string> Lines(string output, string prefix) =>
        output.Split('\n').Where(l => l.StartsWith(prefix)).Select(l => l[prefix.Length..].Trim()).ToList();
}
