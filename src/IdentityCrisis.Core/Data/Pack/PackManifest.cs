using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityCrisis.Data;

/// <summary>
/// data/pack/manifest.json: what each file of the embedded pack holds and where it came from,
/// so any probe image can be traced to its source file, index and licence.
/// </summary>
public sealed record PackManifest(
    int Format,
    string Description,
    IReadOnlyList<PackFile> Files,
    IReadOnlyList<NaturalImageSource> NaturalImages,
    IReadOnlyList<NaturalProbe> NaturalProbes)
{
    public const string FileName = "manifest.json";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static PackManifest Parse(string json) =>
        JsonSerializer.Deserialize<PackManifest>(json, Json) ?? throw new JsonException("empty manifest");

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    public PackFile FileOf(string set, string kind) =>
        Files.FirstOrDefault(f => f.Set == set && f.Kind == kind)
        ?? throw new KeyNotFoundException($"the pack has no {kind} file for '{set}'");

    public IEnumerable<string> SetNames => Files.Select(f => f.Set).Distinct();
}

/// <param name="File">File name in data/pack (and resource "pack/" + File).</param>
/// <param name="Set">Image-set name it belongs to, e.g. "mnist-train".</param>
/// <param name="Kind">"images" or "labels".</param>
/// <param name="Count">Number of images or labels.</param>
/// <param name="FirstSourceIndex">Item i is item FirstSourceIndex + i of the source.</param>
/// <param name="Source">The source file and where it is published.</param>
/// <param name="SourceSha256">SHA-256 of the decompressed source file, where it is one file.</param>
/// <param name="Sha256">SHA-256 of this file's decompressed bytes.</param>
public sealed record PackFile(
    string File, string Set, string Kind, int Count, int FirstSourceIndex,
    string Source, string? SourceSha256, string Sha256, string Licence);

/// <summary>A photograph the natural probes are cut from; its label in the pack is its position in the list.</summary>
public sealed record NaturalImageSource(
    int Label, string Name, string File, string Sha256, int Width, int Height,
    string Licence, string Author, string Origin);

/// <summary>Natural probe <paramref name="Index"/>: the square (X, Y, Side) of image <paramref name="Label"/>, area-averaged to 28x28.</summary>
public sealed record NaturalProbe(int Index, int Label, int X, int Y, int Side);
