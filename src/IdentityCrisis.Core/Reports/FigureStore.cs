namespace IdentityCrisis.Reports;

/// <summary>
/// The report's PNGs: written once under figures/ for the Markdown report and kept in
/// memory for embedding into the HTML, so no figure is encoded or read twice.
/// </summary>
public sealed class FigureStore
{
    public const string FolderName = "figures";
    readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);
    readonly string folder;

    public FigureStore(string reportDir)
    {
        folder = Path.Combine(reportDir, FolderName);
        Directory.CreateDirectory(folder);
        // A re-rendered report must not keep figures of sweeps it no longer shows.
        foreach (var old in Directory.EnumerateFiles(folder, "*.png")) File.Delete(old);
    }

    public IReadOnlyDictionary<string, byte[]> Files => files;

    /// <summary>Stores a PNG under a file-system-safe, unique name and returns that name.</summary>
    public string Add(string name, byte[] png)
    {
        var safe = Slug(name);
        var file = safe + ".png";
        for (int i = 2; files.ContainsKey(file); i++) file = $"{safe}-{i}.png";
        File.WriteAllBytes(Path.Combine(folder, file), png);
        files[file] = png;
        return file;
    }

    public byte[] Bytes(string file) => files[file];

    public static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "figure" : slug;
    }
}
