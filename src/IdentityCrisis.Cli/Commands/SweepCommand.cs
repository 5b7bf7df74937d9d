using System.CommandLine;
using System.Globalization;
using IdentityCrisis.Cli.Rendering;
using IdentityCrisis.Config;
using IdentityCrisis.Data;
using IdentityCrisis.Experiments;
using IdentityCrisis.Sweeps;
using Spectre.Console;

namespace IdentityCrisis.Cli.Commands;

public static class SweepCommand
{
    public static Command Create()
    {
        var preset = new Option<string?>("--preset") { Description = $"A paper preset: {string.Join(", ", Presets.Names)}" };
        preset.AcceptOnlyFromAmong(Presets.Names);
        var scale = new Option<string>("--scale") { Description = "quick (CI-sized, minutes on 2 cores) or paper (the paper's sizes)", DefaultValueFactory = _ => "quick" };
        scale.AcceptOnlyFromAmong(Presets.Scales);
        var spec = new Option<FileInfo?>("--spec") { Description = "A sweep spec JSON file instead of a preset (docs/sweeps.md)" };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Sweep folder (holds results.sqlite) [default: sweeps/<name>]" };
        var workers = new Option<int>("--workers") { Description = "Trials run at once in this process; 0 = one per core (fastest on 2 cores, docs/sweeps.md)", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "LibTorch threads shared by all workers; 0 = cores / workers", DefaultValueFactory = _ => 0 };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder of fetched datasets" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and list the trials without training" };
        var only = new Option<string[]>("--only")
        {
            Description = "Run only part of the sweep: AXIS=V1,V2 (repeatable), e.g. --only channels=8,16 --only seed=0. The rest stays planned and the report lists it.",
            AllowMultipleArgumentsPerToken = false,
        };

        var set = new Option<string[]>("--set")
        {
            Description = "Change the base config: PATH=VALUE (repeatable), e.g. --set training.optimizer=gd --set training.learningRate=0.1. " +
                          "The sweep is renamed (fig3-paper_optimizer=gd_...) so its results never mix with the unchanged sweep's.",
            AllowMultipleArgumentsPerToken = false,
        };
        var name = new Option<string?>("--name") { Description = "Name the sweep (and its default folder sweeps/<name>) instead of the preset's, spec's or --set's name" };

        SweepSpec ResolveAll(ParseResult p) =>
            SweepOverrides.Apply(Resolve(p.GetValue(preset), p.GetValue(scale)!, p.GetValue(spec)), p.GetValue(set) ?? [], p.GetValue(name));

        var run = new Command("run", "Run a sweep: validate every trial, skip those already in the database, train the rest, record each as it finishes.");
        foreach (var o in new Option[] { preset, scale, spec, set, name, outDir, workers, threads, dataDir, dryRun, only }) run.Options.Add(o);
        run.SetAction(p =>
        {
            var output = p.InvocationConfiguration.Output;
            var s = ResolveAll(p);
            int w = p.GetValue(workers) == 0 ? Environment.ProcessorCount : p.GetValue(workers);
            if (w < 1 || w > 64) throw new ConfigException($"--workers = {w} is out of range; valid: 0 (one per core) or 1..64");
            if (p.GetValue(threads) < 0) throw new ConfigException($"--threads = {p.GetValue(threads)} must be >= 0");
            int threadCount = p.GetValue(threads) == 0 ? Math.Max(1, Environment.ProcessorCount / w) : p.GetValue(threads);
            var catalog = new DataCatalog(p.GetValue(dataDir) ?? s.Base.DataDir);
            var filter = TrialFilter.Parse(p.GetValue(only) ?? [], s);
            var trials = SweepRunner.Validate(s, catalog).Where(t => filter?.Invoke(t) ?? true).ToList();
            var folder = p.GetValue(outDir)?.FullName ?? Path.Combine("sweeps", s.Name);
            var console = ConsoleFactory.Create(output);
            if (p.GetValue(dryRun))
            {
                var table = new Table().AddColumns("#", "trial", "id", "config", "max steps");
                foreach (var t in trials)
                    table.AddRow(t.Index.ToString(CultureInfo.InvariantCulture), Markup.Escape(t.Label), t.Id, Markup.Escape(t.Config.Architecture.Describe()),
                                 t.Config.Training.MaxSteps.ToString(CultureInfo.InvariantCulture));
                console.Write(table);
                console.WriteLine($"{trials.Count} trials valid; nothing trained (--dry-run).");
                return ExitCodes.Ok;
            }
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
            Console.CancelKeyPress += onCancel;
            try
            {
                var runner = new SweepRunner(s, folder, new TorchTrialExecutor(catalog, threadCount), w, filter);
                var summary = SweepProgress.Run(console, s.Name, status => runner.Run(status, cancel.Token));
                console.WriteLine($"{s.Name}: {summary.Total} trials, {summary.RanNow} run now, {summary.SkippedAtStart} already done, " +
                                  $"{summary.Failed} failed, {summary.Elapsed.TotalMinutes:F1} min. Results: {Path.Combine(folder, "results.sqlite")}");
                if (summary.Failed > 0)
                    console.WriteLine("Failed trials are listed in the failures table; re-run the same command to retry them.");
                return summary.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
            }
            finally { Console.CancelKeyPress -= onCancel; }
        });

        var list = new Command("list", "List the paper presets with their trial counts at each scale.");
        list.SetAction(p =>
        {
            var console = ConsoleFactory.Create(p.InvocationConfiguration.Output);
            var table = new Table().AddColumns("preset", "scale", "trials", "description");
            foreach (var n in Presets.Names)
                foreach (var sc in Presets.Scales)
                {
                    var sp = Presets.Get(n, sc);
                    table.AddRow(n, sc, TrialExpansion.Expand(sp).Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(sp.Description));
                }
            console.Write(table);
            return ExitCodes.Ok;
        });

        var show = new Command("show", "Print a preset or spec (after any --set) as a spec file: save it, edit it, run it with --spec.");
        foreach (var o in new Option[] { preset, scale, spec, set, name }) show.Options.Add(o);
        show.SetAction(p =>
        {
            var s = ResolveAll(p);
            TrialExpansion.Expand(s);                 // a spec that cannot run is refused here too, naming the trial
            p.InvocationConfiguration.Output.WriteLine(SweepSpecJson.Serialize(s));
            return ExitCodes.Ok;
        });

        var command = new Command("sweep", "Parameter sweeps over depth, width, channels, kernel, ... with a SQLite results database.");
        command.Subcommands.Add(run);
        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }

    static SweepSpec Resolve(string? preset, string scale, FileInfo? spec)
    {
        if (preset is not null && spec is not null) throw new ConfigException("give --preset or --spec, not both");
        if (preset is not null) return Presets.Get(preset, scale);
        if (spec is not null) return SweepSpecJson.Load(spec.FullName);
        throw new ConfigException($"give --preset ({string.Join(", ", Presets.Names)}) or --spec FILE");
    }
}
