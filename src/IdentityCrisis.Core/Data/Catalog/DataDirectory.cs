namespace IdentityCrisis.Data;

/// <summary>
/// The cache folder of fetched datasets: one sub-folder per dataset holding the uncompressed
/// official files and a <see cref="VerifiedMarker"/>.
/// </summary>
public sealed class DataDirectory
{
    public const string EnvironmentVariable = "ICRISIS_DATA_DIR";

    /// <summary>Suffix of files still being downloaded or verified; never read as data.</summary>
    public const string PartialSuffix = ".partial";

    public string Root { get; }

    /// <param name="dataDir">The folder; null or empty means $ICRISIS_DATA_DIR, else ~/.cache/icrisis/data.</param>
    public DataDirectory(string? dataDir) => Root = Path.GetFullPath(ResolveRoot(dataDir));

    public static string ResolveRoot(string? dataDir)
    {
        if (!string.IsNullOrWhiteSpace(dataDir)) return dataDir;
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "icrisis", "data");
    }

    public string FolderOf(DatasetSpec dataset) => Path.Combine(Root, dataset.Folder);

    public string PathOf(DatasetSpec dataset, DatasetFileSpec file) => Path.Combine(FolderOf(dataset), file.Name);

    /// <summary>
    /// The marker of <paramref name="dataset"/> when it is installed: marker present and every
    /// file it lists there with its recorded size. Sizes only: hashing happens when files are read.
    /// </summary>
    public VerifiedMarker? InstalledMarker(DatasetSpec dataset)
    {
        var marker = VerifiedMarker.TryRead(FolderOf(dataset));
        if (marker is null || marker.Dataset != dataset.Id) return null;
        foreach (var file in dataset.Files)
        {
            var recorded = marker.FileNamed(file.Name);
            if (recorded is null) return null;
            var info = new FileInfo(PathOf(dataset, file));
            if (!info.Exists || info.Length != recorded.Bytes) return null;
        }
        return marker;
    }
}
