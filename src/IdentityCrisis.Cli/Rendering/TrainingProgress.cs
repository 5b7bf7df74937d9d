using Spectre.Console;

namespace IdentityCrisis.Cli.Rendering;

/// <summary>
/// A progress bar with the current loss on a terminal; on a pipe or a log file, a plain line
/// every tenth of the run instead, so logs stay readable.
/// </summary>
public static class TrainingProgress
{
    public static T Run<T>(IAnsiConsole console, string label, int maxSteps, Func<Action<int, double>, T> work)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            T result = default!;
            console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(label), maxValue: Math.Max(maxSteps, 1));
                    result = work((step, loss) =>
                    {
                        task.Value = step;
                        task.Description = Markup.Escape($"{label}  step {step}  loss {loss:E3}");
                    });
                    task.Value = task.MaxValue;
                });
            return result;
        }
        int every = Math.Max(1, maxSteps / 10);
        return work((step, loss) =>
        {
            if (step % every == 0) console.WriteLine($"{label}  step {step}/{maxSteps}  loss {loss:E3}");
        });
    }
}
