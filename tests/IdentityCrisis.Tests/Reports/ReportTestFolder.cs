namespace IdentityCrisis.Tests.Reports;

/// <summary>A temporary folder for one report test, removed afterwards.</summary>
public sealed class ReportTestFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"icrisis-report-test-{Guid.NewGuid():N}");

    public ReportTestFolder() => Directory.CreateDirectory(Path);

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
