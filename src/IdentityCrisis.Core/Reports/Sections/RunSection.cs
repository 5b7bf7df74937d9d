using IdentityCrisis.Figures;
using IdentityCrisis.Results;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports.Sections;

/// <summary>How the sweep ran: loss curves, run times, the environment, failed and missing trials.</summary>
public static class RunSection
{
    public static void Build(SectionContext ctx, SweepResults sweep)
    {
        ctx.Heading(3, $"{sweep.Name}: training runs");
        if (sweep.Trials.Count > 0)
        {
            LossCurves(ctx, sweep);
            RunTimes(ctx, sweep);
            Environment(ctx, sweep);
        }
        Failures(ctx, sweep);
        if (sweep.Missing.Count > 0)
            ctx.Paragraph($"Planned but not in the database (not run yet, or the sweep was stopped): {Fmt.I(sweep.Missing.Count)} trial(s): " +
                          string.Join(", ", sweep.Missing.Select(t => t.Label)) + $". Re-run the sweep into {sweep.Folder} to add them.");
    }

    static void LossCurves(SectionContext ctx, SweepResults sweep)
    {
        var plot = new LinePlot { Title = $"{sweep.Name}: training loss", XLabel = "step", YLabel = "training MSE", LogY = true, ShowMarkers = false };
        var tolerances = sweep.Trials.Select(t => t.Config.Training.Tolerance).Where(x => x > 0).Distinct().ToList();
        if (tolerances.Count == 1) plot.ReferenceLines.Add((tolerances[0], "stopping loss"));
        foreach (var t in sweep.Trials)
        {
            var curve = sweep.Db.LoadLossCurve(t.TrialId);
            if (curve.Count == 0) continue;
            plot.Series.Add(new PlotSeries(t.Label + t.OutcomeMark(), curve.Select(p => (double)p.Step).ToList(), curve.Select(p => p.Loss).ToList(),
                Dashed: t.NotConverged()));
            if (t.Diverged() && curve.LastOrDefault(p => double.IsFinite(p.Loss) && p.Loss > 0) is { Step: var s, Loss: var l } && l > 0)
                plot.Marks.Add(new MarkedPoint(s, l, PointMark.Diverged));
        }
        if (plot.Series.Count == 0) return;
        ctx.Figure($"{sweep.Name}-loss", plot.RenderPng(plot.Series.Count > 4 && plot.Series.Count <= plot.MaxLegendEntries ? 1100 : 820),
            $"{sweep.Name}: training MSE against step (log scale; at most about 400 points per trial, spaced evenly in log step). " +
            "Solid: converged (reached the stopping loss); dashed: stopped at max steps without reaching it; a cross marks the last finite loss of a diverged trial." +
            (plot.Series.Count > plot.MaxLegendEntries ? " Too many trials for a legend: see the trial table for each one's outcome and final loss." : ""));
    }

    static void RunTimes(SectionContext ctx, SweepResults sweep)
    {
        var seconds = sweep.Trials.Select(t => t.Seconds).ToList();
        var longest = sweep.Trials.MaxBy(t => t.Seconds)!;
        ctx.Paragraph($"Run time: {Fmt.Seconds(seconds.Sum())} of training in total over {Fmt.I(seconds.Count)} trials, {Fmt.Seconds(seconds.Average())} per trial on average, " +
                      $"longest {Fmt.Seconds(longest.Seconds)} ({longest.Label}); peak resident memory {Fmt.F(sweep.Trials.Max(t => t.PeakRssBytes) / (1024.0 * 1024 * 1024), 2)} GiB. " +
                      "Per-trial times are in the trial table.");
        TrialTables.Summary(ctx, sweep);
    }

    static readonly (string Name, Func<EnvironmentInfo, string> Get)[] Fields =
    [
        ("tool version", e => e.ToolVersion),
        ("git commit", e => e.GitCommit),
        ("TorchSharp", e => e.TorchSharpVersion),
        ("LibTorch", e => e.LibTorchVersion),
        ("threads", e => Fmt.I(e.Threads)),
        ("device", e => e.Device),
        ("CPU", e => e.Cpu),
        ("processors", e => Fmt.I(e.ProcessorCount)),
        ("OS", e => e.Os),
        (".NET", e => e.DotnetVersion),
        ("allocator", e => e.Allocator),
    ];

    static void Environment(SectionContext ctx, SweepResults sweep)
    {
        // Trials of one sweep can come from several machines or builds (a resumed sweep): one column per distinct environment.
        var groups = sweep.Trials.GroupBy(t => string.Join("\u0001", Fields.Select(f => f.Get(t.Environment)))).ToList();
        var header = new List<string> { "" };
        header.AddRange(groups.Select(g => groups.Count == 1 ? "all trials" : $"trials {string.Join(", ", g.Select(t => Fmt.I(t.Index)))}"));
        var rows = Fields.Select(f => new TableRow([f.Name, .. groups.Select(g => f.Get(g.First().Environment) is { Length: > 0 } v ? v : "n/a")])).ToList();
        var started = sweep.Trials.Select(t => t.Environment.StartedUtc).Where(d => d != default).ToList();
        rows.Add(new TableRow(["started (UTC)", started.Count == 0 ? "n/a" : $"{started.Min():yyyy-MM-dd HH:mm} to {started.Max():yyyy-MM-dd HH:mm}"]));
        ctx.Add(new Table(header, rows.Select(r => r.Cells.Count < header.Count ? r with { Cells = [.. r.Cells, .. Enumerable.Repeat("", header.Count - r.Cells.Count)] } : r).ToList(),
            $"{sweep.Name}: environment recorded with each trial" + (groups.Count > 1 ? " (it differs between trials)." : ".")));
    }

    static void Failures(SectionContext ctx, SweepResults sweep)
    {
        if (sweep.Failures.Count == 0) return;
        var finished = sweep.Trials.Select(t => t.TrialId).ToHashSet();
        ctx.Add(new Table(["trial id", "trial", "failed (UTC)", "result now", "error"],
            sweep.Failures.Select(f => new TableRow([f.TrialId, f.Label, f.When, finished.Contains(f.TrialId) ? "finished on a later attempt" : "none",
                FirstLines(f.Error, 2)], finished.Contains(f.TrialId) ? RowMark.Warning : RowMark.Error)).ToList(),
            $"{sweep.Name}: {Fmt.I(sweep.Failures.Count)} failed trial attempt(s), with the first lines of the error (full text in the failures table of {ResultsDb.FileName})."));
    }

    static string FirstLines(string text, int n) => string.Join(" / ", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(n));
}
