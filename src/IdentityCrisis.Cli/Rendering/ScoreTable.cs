using System.Globalization;
using IdentityCrisis.Metrics;
using IdentityCrisis.Results;
using Spectre.Console;

namespace IdentityCrisis.Cli.Rendering;

public static class ScoreTable
{
    public static void Write(IAnsiConsole console, RunRecord r, string folder)
    {
        var t = r.Training;
        console.WriteLine();
        console.WriteLine($"{r.Config.DisplayName}: {t.Outcome.ToString().ToLowerInvariant()} after {t.Steps} steps, " +
                          $"final training MSE {F(t.FinalLoss, "E2")}, {t.Seconds:F1} s, peak RSS {r.PeakRssBytes / (1024.0 * 1024 * 1024):F2} GiB");
        if (t.DivergedAtStep is { } at)
            console.WriteLine($"DIVERGED: the loss became {F(t.LossCurve[^1].Loss, "G3")} at step {at}; try a smaller --lr. Scores below are of the last weights.");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("set", "n", "corr(f(x),x)", "corr(f(x),x̂)", "baseline corr(x,x̂)", "identity skill", "constant skill", "mse(f(x),x)", "verdict");
        foreach (var s in r.Sets)
            table.AddRow(s.Set, s.Count.ToString(CultureInfo.InvariantCulture), F(s.MeanCorrIdentity), F(s.MeanCorrConstant), F(s.MeanBaseline),
                         F(s.IdentitySkill), F(s.ConstantSkill), F(s.MeanMseIdentity, "E2"), VerdictRule.Name(s.Verdict));
        console.Write(table);
        console.WriteLine($"Results in {folder} (figure.png, scores.json, config.json, loss.csv, weights.safetensors)");
    }

    static string F(double v, string format = "F3") => double.IsNaN(v) ? "n/a" : v.ToString(format, CultureInfo.InvariantCulture);
}
