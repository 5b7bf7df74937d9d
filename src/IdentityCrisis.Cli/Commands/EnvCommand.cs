using System.CommandLine;
using IdentityCrisis.Runtime;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Cli.Commands;

/// <summary>`icrisis env`: the environment block every result records, for this process, as JSON.</summary>
public static class EnvCommand
{
    public static Command Create()
    {
        var threads = new Option<int>("--threads") { Description = "LibTorch threads to report, 0 = all cores", DefaultValueFactory = _ => 0 };
        var command = new Command("env", "Print what a run on this machine would record about it: versions, threads, allocator, OpenMP wait policy, CPU.");
        command.Options.Add(threads);
        command.SetAction(p =>
        {
            int n = TorchRuntime.EnsureThreads(p.GetValue(threads));
            p.InvocationConfiguration.Output.WriteLine(ResultJson.Serialize(TorchEnvironment.Capture(n, "cpu")));
            return ExitCodes.Ok;
        });
        return command;
    }
}
