using System.CommandLine;
using IdentityCrisis.Reports;
using IdentityCrisis.Reports.Claims;
using IdentityCrisis.Reports.Diagnostics;
using Microsoft.Data.Sqlite;

namespace IdentityCrisis.Cli.Commands;

/// <summary>
/// `icrisis report`: HTML and Markdown reports from sweep databases. Uses only the Core
/// library; it must never touch a type from the Torch project, so LibTorch stays unloaded
/// (tests/IdentityCrisis.Tests/Reports/NoLibTorchTests.cs checks this).
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var sweeps = new Argument<string[]>("SWEEP_DIR")
        {
            Description = "Sweep folders (each holding results.sqlite), or parent folders holding several",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Report folder: report.html, report.md and figures/", Required = true };
        var title = new Option<string?>("--title") { Description = "Report title [default: from the sweep names]" };
        var theory = new Option<DirectoryInfo?>("--theory") { Description = "Also report the single-layer theory results in this folder (from `icrisis theory kernels|sigma --out DIR`)" };
        var command = new Command("report",
            "Render a self-contained HTML report and a Markdown report (with PNG figures) from sweep databases: every figure, the claims table, " +
            "run times and environment. Reads the databases only; trains nothing.");
        command.Arguments.Add(sweeps);
        command.Options.Add(outDir);
        command.Options.Add(title);
        command.Options.Add(theory);
        command.SetAction(p =>
        {
            var output = p.InvocationConfiguration.Output;
            ReportSummary summary;
            try
            {
                var theoryDir = p.GetValue(theory);
                if (theoryDir is { Exists: false })
                {
                    p.InvocationConfiguration.Error.WriteLine($"error: --theory {theoryDir.FullName} does not exist; run `icrisis theory kernels --out DIR` first");
                    return ExitCodes.BadInput;
                }
                summary = ReportBuilder.Build(p.GetValue(sweeps)!, p.GetValue(outDir)!.FullName, p.GetValue(title), theoryDir?.FullName);
            }
            catch (Exception e) when (e is InvalidDataException or SqliteException or IOException or UnauthorizedAccessException)
            {
                p.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Failed;
            }
            output.WriteLine($"Report of {summary.Sweeps} sweep(s), {summary.Trials} trials, {summary.Figures} figures, in {summary.Elapsed.TotalSeconds:F1} s:");
            output.WriteLine($"  {summary.HtmlPath}");
            output.WriteLine($"  {summary.MarkdownPath}");
            foreach (var c in summary.Claims)
                output.WriteLine($"  claim ({c.Id}) {c.VerdictText}: {c.Statement}");
            if (Environment.GetEnvironmentVariable(LoadedModules.EnvironmentVariable) == "1") LoadedModules.Write(output);
            return ExitCodes.Ok;
        });
        return command;
    }
}
