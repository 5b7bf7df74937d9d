using System.Diagnostics;
using System.Text.Json;
using IdentityCrisis.Cli;

namespace IdentityCrisis.Tests.Cli;

public class ProcessBootstrapTests
{
    [Fact]
    public void APlainStartRunsWithTcmallocAndPassiveOpenMpWaiting()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "icrisis.dll"));
        psi.ArgumentList.Add("env");
        psi.Environment.Remove("LD_PRELOAD");
        psi.Environment.Remove("OMP_WAIT_POLICY");
        psi.Environment.Remove("ICRISIS_NO_REEXEC");
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(60_000), "icrisis env did not finish");
        Assert.True(p.ExitCode == 0, error);
        using var env = JsonDocument.Parse(output);
        Assert.Equal("PASSIVE", env.RootElement.GetProperty("ompWaitPolicy").GetString());
        var expected = ProcessBootstrap.FindTcmalloc() is null ? "glibc malloc" : "tcmalloc (LD_PRELOAD)";
        Assert.Equal(expected, env.RootElement.GetProperty("allocator").GetString());
        Assert.Equal("0.107.0", env.RootElement.GetProperty("torchSharpVersion").GetString());
    }

    [Fact]
    public void AUsersOwnWaitPolicyIsKept()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "icrisis.dll"));
        psi.ArgumentList.Add("env");
        psi.Environment.Remove("ICRISIS_NO_REEXEC");
        psi.Environment["OMP_WAIT_POLICY"] = "ACTIVE";
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(60_000));
        using var env = JsonDocument.Parse(output);
        Assert.Equal("ACTIVE", env.RootElement.GetProperty("ompWaitPolicy").GetString());
    }
}
