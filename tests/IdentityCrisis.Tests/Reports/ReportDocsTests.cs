using IdentityCrisis.Reports.Claims;

namespace IdentityCrisis.Tests.Reports;

/// <summary>docs/report.md quotes every claim rule; this keeps the page and the code from drifting apart.</summary>
public class ReportDocsTests
{
    [Fact]
    public void DocsQuoteEveryClaimRuleExactly()
    {
        var docs = File.ReadAllText(Path.Combine(TestPaths.RepoRoot(), "docs", "report.md"));
        Assert.All(ClaimBook.All, c => Assert.True(docs.Contains("> " + c.Rule), $"docs/report.md does not quote the rule of claim ({c.Id}): {c.Rule}"));
    }
}
