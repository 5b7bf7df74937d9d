using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityCrisis.Data;

/// <summary>One file a marker vouches for, with the SHA-256 it had when it was verified.</summary>
public sealed record VerifiedFile(string Name, long Bytes, string Sha256);

/// <summary>
/// verified.json in a dataset's cache folder, written last when a fetch or import has verified
/// and moved every file into place. No marker means the dataset is not installed, whatever files
/// lie there; the recorded SHA-256s let every later load detect a file damaged since.
/// </summary>
/// <param name="Source">Where the files came from: URLs or the --from path.</param>
/// <param name="VerifiedBy">What the files were checked against, in words.</param>
public sealed record VerifiedMarker(string Dataset, string Source, string VerifiedBy, DateTime VerifiedUtc, IReadOnlyList<VerifiedFile> Files)
{
    public const string FileName = "verified.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The marker in <paramref name="folder"/>, or null if it is absent or unreadable.</summary>
    public static VerifiedMarker? TryRead(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<VerifiedMarker>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the marker through a temporary file and a rename, so it is never half-written.</summary>
    public void Write(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var temp = path + ".partial";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, path, overwrite: true);
    }

    public VerifiedFile? FileNamed(string name) => Files.FirstOrDefault(f => f.Name == name);
}
