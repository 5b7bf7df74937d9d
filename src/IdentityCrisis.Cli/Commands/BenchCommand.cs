using System.CommandLine;
using System.Globalization;
using System.Text;
using IdentityCrisis.Cli.Rendering;
using IdentityCrisis.Config;
using IdentityCrisis.Data;
using IdentityCrisis.Experiments;
using IdentityCrisis.Results;
using Spectre.Console;

namespace IdentityCrisis.Cli.Commands;

/// <summary>
/// Memory benchmark: resident memory sampled during a long training run. Lives here, not in
/// a timed test, because it measures the machine as much as the code (docs/memory.md).
/// </summary>
public static class BenchCommand
{
    static readonly Dictionary<string, RunConfig> Cases = new()
    {
        ["fcn6"] = new RunConfig
        {
            Name = "bench fcn6",
            Architecture = new ArchitectureConfig { Kind = "fcn", Depth = 6, Width = 784, Activation = "relu" },
        },
        ["cnn10"] = new RunConfig
        {
            Name = "bench cnn10",
            Architecture = new ArchitectureConfig { Kind = "cnn", Depth = 10, Channels = 128, Kernel = 5, Activation = "relu" },
        },
    };

    public static Command Create()
    {
        var which = new Option<string>("--case") { Description = "fcn6 (6-layer width-784 ReLU FCN) or cnn10 (10-layer 128-channel 5x5 ReLU CNN)", Required = true };
        which.AcceptOnlyFromAmong([.. Cases.Keys]);
        var steps = new Option<int>("--steps") { Description = "Adam steps (never stops early)", DefaultValueFactory = _ => 2000 };
        var every = new Option<int>("--every") { Description = "Sample resident memory every N steps", DefaultValueFactory = _ => 100 };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the samples (step, rss_bytes, loss) to this CSV file" };
        var memory = new Command("memory", "Train one of the issue's memory cases and report resident memory (VmRSS) over the steps and the peak (VmHWM).");
        foreach (var o in new Option[] { which, steps, every, csv }) memory.Options.Add(o);
        memory.SetAction(p =>
        {
            var console = ConsoleFactory.Create(p.InvocationConfiguration.Output);
            int n = p.GetValue(steps), k = Math.Max(1, p.GetValue(every));
            var config = Cases[p.GetValue(which)!] with
            {
                Training = new TrainingConfig { Optimizer = "adam", LearningRate = 1e-4, MaxSteps = n, Tolerance = 0 },
                Probes = new ProbeConfig { Sets = ["patterns"] },
            };
            var samples = new List<(int Step, long Rss, double Loss)>();
            var run = SingleRun.Execute(config.EnsureValid(), new DataCatalog(null), (step, loss) =>
            {
                if (step % k == 0) samples.Add((step, ProcessMemory.RssBytes(), loss));
            });
            var table = new Table().AddColumns("step", "RSS (GiB)", "loss");
            foreach (var s in samples)
                table.AddRow(s.Step.ToString(CultureInfo.InvariantCulture), Gib(s.Rss), s.Loss.ToString("E3", CultureInfo.InvariantCulture));
            console.Write(table);
            var grow = samples.Count > 2 ? (samples[^1].Rss - samples[1].Rss) / (double)(samples[^1].Step - samples[1].Step) : 0;
            console.WriteLine($"{config.Name}: {run.Record.Training.Steps} steps in {run.Record.Training.Seconds:F1} s; allocator {run.Record.Environment.Allocator}; " +
                              $"peak RSS {Gib(ProcessMemory.PeakRssBytes())} GiB; RSS change after step {samples.ElementAtOrDefault(1).Step}: {grow / 1024:F1} KiB/step");
            if (p.GetValue(csv) is { } file)
            {
                var sb = new StringBuilder("step,rss_bytes,loss\n");
                foreach (var s in samples) sb.Append(CultureInfo.InvariantCulture, $"{s.Step},{s.Rss},{s.Loss:R}\n");
                File.WriteAllText(file.FullName, sb.ToString());
            }
            return ExitCodes.Ok;
        });
        var command = new Command("bench", "Benchmarks that measure the machine as well as the code (memory).");
        command.Subcommands.Add(memory);
        return command;
    }

    static string Gib(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("F3", CultureInfo.InvariantCulture);
}
