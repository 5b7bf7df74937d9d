using System.Diagnostics;
using IdentityCrisis.Reports;
using IdentityCrisis.Sweeps;
using Xunit.Abstractions;

namespace IdentityCrisis.Tests.Reports;

/// <summary>
/// A full paper-scale Figure 3 sweep (13 depths, 20 figure columns, ~500 probe scores per
/// trial, 300-point loss curves) renders completely. The time is logged, not asserted: the
/// 10 s goal is a benchmark (docs/report.md, "Speed"). Set ICRISIS_SYNTHETIC_DIR to keep the
/// synthetic database there and time the CLI on it.
/// </summary>
public class PaperScaleReportTests(ITestOutputHelper log)
{
    [Fact]
    public void PaperScaleFig3RendersEveryTrialAndFigure()
    {
        using var dir = new ReportTestFolder();
        var keep = Environment.GetEnvironmentVariable("ICRISIS_SYNTHETIC_DIR");
        var sweep = keep is { Length: > 0 } ? Path.GetFullPath(keep) : dir["fig3-paper"];
        if (Directory.Exists(sweep)) Directory.Delete(sweep, recursive: true);
        var spec = SyntheticSweep.Fig3("paper", [.. Presets.Figure3Depths]) with
        {
            Base = SyntheticSweep.Cnn() with { Training = SyntheticSweep.Cnn().Training with { MaxSteps = 3000 } },
        };
        SyntheticSweep.Write(sweep, spec, t => t.Config.Architecture.Depth switch
        {
            <= 9 => FakeTrial.Identity,
            >= 16 => FakeTrial.Constant,
            _ => FakeTrial.Other,
        }, probesPerSet: 84);

        var clock = Stopwatch.StartNew();
        var summary = ReportBuilder.Build([sweep], dir["report"]);
        clock.Stop();
        log.WriteLine($"paper-scale fig3 ({summary.Trials} trials, {summary.Figures} figures) rendered in {clock.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(13, summary.Trials);
        var pngs = Directory.GetFiles(Path.Combine(dir["report"], "figures"), "*.png");
        Assert.Equal(summary.Figures, pngs.Length);
        Assert.Contains(pngs, p => Path.GetFileName(p).Contains("grid"));
        Assert.All(pngs, p => Assert.True(new FileInfo(p).Length > 1000, $"{p} is nearly empty"));
        Assert.True(File.Exists(summary.HtmlPath) && File.Exists(summary.MarkdownPath));
    }
}
