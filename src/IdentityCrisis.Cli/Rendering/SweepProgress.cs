using IdentityCrisis.Sweeps;
using Spectre.Console;

namespace IdentityCrisis.Cli.Rendering;

/// <summary>Trials done, ETA and the running trial's loss: a live bar on a terminal, a line per finished trial otherwise.</summary>
public static class SweepProgress
{
    public static SweepSummary Run(IAnsiConsole console, string name, Func<Action<SweepStatus>, SweepSummary> work, TimeSpan? heartbeat = null)
    {
        var every = heartbeat ?? HeartbeatEvery;
        if (console.Profile.Capabilities.Interactive)
        {
            SweepSummary summary = null!;
            console.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(name));
                    summary = work(s =>
                    {
                        task.MaxValue = Math.Max(s.Total, 1);
                        task.Value = s.Done;
                        task.Description = Markup.Escape(Describe(name, s));
                    });
                });
            return summary;
        }
        // Redirected output (a log file, nohup, CI) gets a line per finished trial, and a
        // heartbeat with the running trial's loss so a 30-minute trial is not silent.
        int lastDone = -1;
        var sinceLine = System.Diagnostics.Stopwatch.StartNew();
        return work(s =>
        {
            if (s.Done == lastDone && sinceLine.Elapsed < every) return;
            lastDone = s.Done;
            sinceLine.Restart();
            console.WriteLine(Describe(name, s));
        });
    }

    /// <summary>How often redirected output repeats the status while no trial finishes.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(60);

    static string Describe(string name, SweepStatus s)
    {
        var eta = s.Eta is { } e ? $"ETA {Format(e)}" : "ETA ?";
        var current = s.Current is null ? "" : $"  [{s.Current}: step {s.CurrentStep}, loss {s.CurrentLoss:E2}]";
        var failed = s.Failed > 0 ? $", {s.Failed} failed" : "";
        return $"{name}: {s.Done}/{s.Total} trials{failed}, {eta}{current}";
    }

    static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m" : $"{t.Minutes}m{t.Seconds:D2}s";
}
