using IdentityCrisis.Cli.Rendering;
using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Tests.Cli;

public class SweepProgressTests
{
    static SweepStatus Status(int done, int step, double loss) =>
        new(Total: 2, Done: done, SkippedAtStart: 0, Failed: 0, Current: "depth=16", CurrentStep: step, CurrentLoss: loss,
            Elapsed: TimeSpan.FromSeconds(step), Eta: null);

    static string[] Lines(TimeSpan heartbeat)
    {
        var o = new StringWriter();
        SweepProgress.Run(ConsoleFactory.Create(o), "gd", report =>
        {
            report(Status(0, 10, 0.1));
            report(Status(0, 20, 0.05));
            report(Status(0, 30, 0.02));
            report(Status(1, 0, 0));
            return null!;
        }, heartbeat);
        return o.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void RedirectedOutputPrintsOnlyFinishedTrialsWithinTheHeartbeat()
    {
        var lines = Lines(TimeSpan.FromHours(1));
        Assert.Equal(2, lines.Length);
        Assert.Contains("0/2 trials", lines[0]);
        Assert.Contains("step 10, loss 1.00E-001", lines[0]);
        Assert.Contains("1/2 trials", lines[1]);
    }

    [Fact]
    public void RedirectedOutputRepeatsTheRunningLossOnEveryHeartbeat()
    {
        var lines = Lines(TimeSpan.Zero);
        Assert.Equal(4, lines.Length);
        Assert.Contains("step 30, loss 2.00E-002", lines[2]);
    }
}
