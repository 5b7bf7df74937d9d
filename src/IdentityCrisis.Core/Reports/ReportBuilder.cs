using System.Diagnostics;
using System.Reflection;
using System.Text;
using IdentityCrisis.Reports.Claims;
using IdentityCrisis.Reports.Sections;

namespace IdentityCrisis.Reports;

public sealed record ReportSummary(string HtmlPath, string MarkdownPath, int Sweeps, int Trials, int Figures, IReadOnlyList<ClaimResult> Claims, TimeSpan Elapsed);

/// <summary>
/// Renders report.html, report.md and figures/*.png from sweep databases alone. Nothing here
/// references LibTorch: a report can be drawn on a machine that cannot train.
/// </summary>
public static class ReportBuilder
{
    public const string HtmlFile = "report.html", MarkdownFile = "report.md";

    /// <param name="theoryDir">A folder of `icrisis theory kernels | sigma` results to add as a section, or null.</param>
    public static ReportSummary Build(IEnumerable<string> sweepPaths, string outDir, string? title = null, string? theoryDir = null)
    {
        var clock = Stopwatch.StartNew();
        var folders = SweepDiscovery.Find(sweepPaths);
        var sweeps = new List<SweepResults>();
        try
        {
            foreach (var f in folders) sweeps.Add(SweepResults.Open(f));
            Directory.CreateDirectory(outDir);
            var store = new FigureStore(outDir);
            var ctx = new SectionContext(store);
            var claims = ClaimBook.Evaluate(sweeps);
            ctx.Paragraph($"Rendered {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by icrisis {ToolVersion()} from {Fmt.I(sweeps.Count)} sweep database(s).");
            ClaimsSection.Build(ctx, claims);
            OverviewSection.Build(ctx, sweeps);
            foreach (var s in sweeps) SweepSection.Build(ctx, s);
            if (theoryDir is not null) TheorySection.Build(ctx, theoryDir);
            var doc = new ReportDocument(title ?? DefaultTitle(sweeps), ctx.Blocks);
            var html = Path.Combine(outDir, HtmlFile);
            var md = Path.Combine(outDir, MarkdownFile);
            WriteAtomically(html, HtmlReportWriter.Render(doc, store));
            WriteAtomically(md, MarkdownReportWriter.Render(doc));
            return new ReportSummary(html, md, sweeps.Count, sweeps.Sum(s => s.Trials.Count), store.Files.Count, claims, clock.Elapsed);
        }
        finally
        {
            foreach (var s in sweeps) s.Dispose();
        }
    }

    static string DefaultTitle(IReadOnlyList<SweepResults> sweeps) =>
        "Identity Crisis reproduction: " + (sweeps.Count == 1 ? sweeps[0].Name : $"{Fmt.I(sweeps.Count)} sweeps");

    static string ToolVersion()
    {
        var info = typeof(ReportBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        return info.Length > 0 ? info : "unknown";
    }

    static void WriteAtomically(string path, string text)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, text, new UTF8Encoding(false));
        File.Move(tmp, path, overwrite: true);
    }
}
