namespace IdentityCrisis.Tests;

public static class TestPaths
{
    /// <summary>The repository root (the folder holding IdentityCrisis.slnx) above the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "IdentityCrisis.slnx"))) return d.FullName;
        throw new DirectoryNotFoundException($"no IdentityCrisis.slnx above {AppContext.BaseDirectory}");
    }
}
