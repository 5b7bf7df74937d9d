using System.Reflection;
using System.Security.Cryptography;

namespace IdentityCrisis.Data;

/// <summary>
/// The small data pack compiled into IdentityCrisis.Core (data/pack), so the main experiment
/// runs with no download. Files are checked against the manifest's SHA-256 on first use and
/// the decoded sets are kept in memory for the life of the process.
/// </summary>
public static class EmbeddedPack
{
    public const string SourceName = "embedded pack";
    private const string ResourcePrefix = "pack/";
    private const string RebuildFix = "The build embedded a damaged data pack: restore data/pack from git (or run scripts/build-data-pack.sh) and rebuild";

    private static readonly Lazy<PackManifest> LazyManifest = new(ReadManifest);
    private static readonly Dictionary<string, ImageSet> Sets = [];

    public static PackManifest Manifest => LazyManifest.Value;

    public static bool Contains(string set) => Manifest.SetNames.Contains(set);

    public static ImageSet Load(string set)
    {
        lock (Sets)
        {
            if (Sets.TryGetValue(set, out var cached)) return cached;
            var images = Manifest.FileOf(set, "images");
            var labels = Manifest.FileOf(set, "labels");
            var imageArray = IdxReader.ReadImages(new MemoryStream(ReadVerified(images)), ResourceName(images), RebuildFix);
            var labelArray = IdxReader.ReadLabels(new MemoryStream(ReadVerified(labels)), ResourceName(labels), RebuildFix);
            if (imageArray.Count != images.Count || labelArray.Count != labels.Count || images.Count != labels.Count)
                throw new DataFileException(ResourceName(images),
                    $"holds {imageArray.Count} images and {labelArray.Count} labels, the manifest says {images.Count} and {labels.Count}", RebuildFix);
            var loaded = new ImageSet(set, imageArray.ToImages(), labelArray.ToLabels(),
                Enumerable.Range(images.FirstSourceIndex, images.Count).ToArray(), SourceName);
            Sets[set] = loaded;
            return loaded;
        }
    }

    /// <summary>The decompressed bytes of a pack file, after checking them against the manifest.</summary>
    public static byte[] ReadVerified(PackFile file)
    {
        using var resource = OpenResource(ResourcePrefix + file.File);
        using var content = CompressedFile.Decompressed(resource);
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (sha != file.Sha256)
            throw new DataFileException(ResourceName(file), $"SHA-256 {sha} does not match the manifest's {file.Sha256}", RebuildFix);
        return bytes;
    }

    private static string ResourceName(PackFile file) => $"{SourceName} {ResourcePrefix}{file.File}";

    private static PackManifest ReadManifest()
    {
        using var stream = OpenResource(ResourcePrefix + PackManifest.FileName);
        using var reader = new StreamReader(stream);
        return PackManifest.Parse(reader.ReadToEnd());
    }

    private static Stream OpenResource(string name)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new DataFileException($"{SourceName} {name}", "is missing from IdentityCrisis.Core", RebuildFix);
        // Resource streams are seekable, which CompressedFile.Decompressed relies on.
        return stream;
    }
}
