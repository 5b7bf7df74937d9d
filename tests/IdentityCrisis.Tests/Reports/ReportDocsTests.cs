using IdentityCrisis.Reports.Claims;

namespace IdentityCrisis.Tests.Reports;

/// <summary>docs/report.md quotes every claim rule; this keeps the page and the code from drifting apart.</summary>
public class ReportDocsTests
{
    [Fact]
    public void DocsQuoteEveryClaimRuleExactly()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "report.md"));
        Assert.All(ClaimBook.All, c => Assert.True(docs.Contains("> " + c.Rule), $"docs/report.md does not quote the rule of claim ({c.Id}): {c.Rule}"));
    }

    static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "IdentityCrisis.slnx"))) return d.FullName;
        throw new DirectoryNotFoundException($"no IdentityCrisis.slnx above {AppContext.BaseDirectory}");
    }
}
