using System.Collections.Concurrent;
using System.Diagnostics;
using IdentityCrisis.Config;
using IdentityCrisis.Data;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Sweeps;

public sealed record SweepStatus(int Total, int Done, int SkippedAtStart, int Failed, string? Current, int CurrentStep, double CurrentLoss, TimeSpan Elapsed, TimeSpan? Eta);

public sealed record SweepSummary(string Folder, int Total, int RanNow, int SkippedAtStart, int Failed, TimeSpan Elapsed);

/// <summary>
/// Validates a sweep, skips trials the database already holds, and runs the rest on
/// <c>workers</c> threads, recording each finished trial atomically as soon as it ends.
/// </summary>
/// <param name="include">Runs only the trials it accepts (e.g. part of a paper-scale grid); the rest stay
/// planned, and the stored spec is the whole sweep, so reports show what was left out.</param>
public sealed class SweepRunner(SweepSpec spec, string folder, ITrialExecutor executor, int workers = 1, Func<Trial, bool>? include = null)
{
    public const string SpecFileName = "sweep.json";

    public SweepSummary Run(Action<SweepStatus>? onStatus = null, CancellationToken cancel = default)
    {
        var trials = TrialExpansion.Expand(spec);                 // throws ConfigException naming every bad trial
        Directory.CreateDirectory(folder);
        using var db = ResultsDb.Open(Path.Combine(folder, ResultsDb.FileName));
        // One folder, one sweep: another sweep's trials would be reported under this one's spec.
        if (db.GetMeta("sweep_name") is { } stored && stored != spec.Name)
            throw new ConfigException($"folder '{folder}' holds the results of sweep '{stored}', not '{spec.Name}'; give another --out (or --name), or the spec that made it");
        var specJson = SweepSpecJson.Serialize(spec);
        File.WriteAllText(Path.Combine(folder, SpecFileName), specJson);
        db.SetMeta("spec_json", specJson);
        db.SetMeta("sweep_name", spec.Name);

        var done = db.FinishedTrialIds();
        var selected = include is null ? trials : trials.Where(include).ToList();
        var pending = selected.Where(t => !done.Contains(t.Id)).ToList();
        int skipped = selected.Count - pending.Count;
        double totalCost = pending.Sum(t => TrialCost.Total(t.Config)), doneCost = 0;
        int finished = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var queue = new ConcurrentQueue<Trial>(pending);
        var gate = new object();
        string? current = null; int currentStep = 0; double currentLoss = double.NaN;

        void Report()
        {
            TimeSpan? eta = doneCost > 0 ? TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds * (totalCost - doneCost) / doneCost) : null;
            onStatus?.Invoke(new SweepStatus(selected.Count, skipped + finished, skipped, failed, current, currentStep, currentLoss, clock.Elapsed, eta));
        }

        executor.Prepare(workers);
        Report();
        var threads = Enumerable.Range(0, Math.Max(1, Math.Min(workers, pending.Count))).Select(_ => new Thread(() =>
        {
            while (!cancel.IsCancellationRequested && queue.TryDequeue(out var trial))
            {
                lock (gate) { current = trial.Label; currentStep = 0; currentLoss = double.NaN; Report(); }
                try
                {
                    var output = executor.Execute(trial, spec.CaptureLayers, (step, loss) =>
                    {
                        lock (gate) { current = trial.Label; currentStep = step; currentLoss = loss; Report(); }
                    }, cancel);
                    db.RecordTrial(trial, output);
                    lock (gate) { finished++; doneCost += TrialCost.Total(trial.Config); Report(); }
                }
                catch (OperationCanceledException) { break; }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    db.RecordFailure(trial, e.ToString());
                    lock (gate) { failed++; Report(); }
                }
            }
        }) { IsBackground = true, Name = "sweep-worker" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        cancel.ThrowIfCancellationRequested();
        return new SweepSummary(folder, selected.Count, finished, skipped, failed, clock.Elapsed);
    }

    /// <summary>Checks everything that can be checked before compute: the spec, and that the data each trial needs exists.</summary>
    public static IReadOnlyList<Trial> Validate(SweepSpec spec, DataCatalog catalog)
    {
        var trials = TrialExpansion.Expand(spec);
        var errors = new List<string>();
        foreach (var set in trials.SelectMany(t => t.Config.Probes.Sets).Distinct())
        {
            var dataset = Probes.ProbeLibrary.DatasetOf(set);
            if (dataset is null) continue;
            try { catalog.Load(dataset); }
            catch (DataFileException e) { errors.Add($"probe set '{set}': {e.Message}"); }
        }
        int maxImages = trials.Max(t => t.Config.Training.TrainImages);
        var train = catalog.Load("mnist-train");
        if (maxImages > train.Count)
            errors.Add($"a trial trains on {maxImages} images but only {train.Count} MNIST training images are available ({train.Source}); run `icrisis data fetch --mnist`");
        if (errors.Count > 0) throw new ConfigException(errors);
        return trials;
    }
}
