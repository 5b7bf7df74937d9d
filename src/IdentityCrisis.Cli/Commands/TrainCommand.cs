using System.CommandLine;
using IdentityCrisis.Cli.Rendering;
using IdentityCrisis.Config;
using IdentityCrisis.Data;
using IdentityCrisis.Experiments;
using IdentityCrisis.Results;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Cli.Commands;

public static class TrainCommand
{
    public static Command Create()
    {
        var options = new RunConfigOptions();
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Run folder to write [default: runs/<time>-<name>]" };
        var printConfig = new Option<bool>("--print-config") { Description = "Print the resolved config as JSON and exit (a starting point for --config)" };
        var command = new Command("train", "Train one network on the training image(s), probe it, and write a run folder with scores and a figure.");
        options.AddTo(command);
        command.Options.Add(outDir);
        command.Options.Add(printConfig);
        command.SetAction(p =>
        {
            var output = p.InvocationConfiguration.Output;
            var config = options.Resolve(p).EnsureValid();
            if (p.GetValue(printConfig))
            {
                output.WriteLine(ConfigJson.Serialize(config));
                return ExitCodes.Ok;
            }
            var folder = p.GetValue(outDir)?.FullName ?? DefaultFolder(config);
            var console = ConsoleFactory.Create(output);
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
            Console.CancelKeyPress += onCancel;
            try
            {
                var catalog = new DataCatalog(config.DataDir);
                var run = TrainingProgress.Run(console, config.DisplayName, config.Training.MaxSteps,
                    progress => SingleRun.Execute(config, catalog, progress, cancel.Token));
                RunFolder.Write(folder, run.Record, run.Weights);
                ScoreTable.Write(console, run.Record, folder);
                return run.Record.Training.Outcome == TrainingOutcome.Diverged ? ExitCodes.Diverged : ExitCodes.Ok;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }

    static string DefaultFolder(RunConfig config)
    {
        var slug = new string(config.DisplayName.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '.' ? ch : '-').ToArray());
        while (slug.Contains("--")) slug = slug.Replace("--", "-");
        return Path.Combine("runs", $"{DateTime.Now:yyyyMMdd-HHmmss}-{slug.Trim('-')}");
    }
}
