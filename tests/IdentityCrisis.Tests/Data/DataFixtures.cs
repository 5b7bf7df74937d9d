using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using IdentityCrisis.Data;

namespace IdentityCrisis.Tests.Data;

/// <summary>A temporary folder deleted at the end of a test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"icrisis-data-test-{Guid.NewGuid():N}");

    public TempFolder() => Directory.CreateDirectory(Path);

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Every file below the folder, relative to it.</summary>
    public string[] Files() => Directory.Exists(Path)
        ? Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).Order().ToArray()
        : [];

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}

/// <summary>
/// A tiny IDX dataset laid out like MNIST, with its own checksums, so fetch and import can be
/// tested end to end without the 55 MB official files.
/// </summary>
public static class ToyDataset
{
    public const string DownloadBase = "https://example.test/toy/";

    /// <summary>The four files' uncompressed bytes by official name: 5 training and 2 test images.</summary>
    public static readonly IReadOnlyDictionary<string, byte[]> Files = new Dictionary<string, byte[]>
    {
        ["train-images-idx3-ubyte"] = IdxWriter.ToBytes(IdxArray.Images(Pixels(5, seed: 1))),
        ["train-labels-idx1-ubyte"] = IdxWriter.ToBytes(IdxArray.Labels([3, 1, 4, 1, 5])),
        ["t10k-images-idx3-ubyte"] = IdxWriter.ToBytes(IdxArray.Images(Pixels(2, seed: 2))),
        ["t10k-labels-idx1-ubyte"] = IdxWriter.ToBytes(IdxArray.Labels([9, 2])),
    };

    public static readonly DatasetSpec Spec = new("toy", "Toy", "toy",
        Files.Select(f => new DatasetFileSpec(f.Key, f.Value.Length, Convert.ToHexStringLower(SHA256.HashData(f.Value)))).ToArray(),
        ["toy-train", "toy-test"], downloadBase: DownloadBase);

    /// <summary>Writes the four files gzipped (as published) into <paramref name="folder"/>.</summary>
    public static void WriteGzipped(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in Files)
            File.WriteAllBytes(Path.Combine(folder, name + ".gz"), IdxWriter.Gzip(bytes));
    }

    private static byte[] Pixels(int images, int seed)
    {
        var pixels = new byte[images * 784];
        new Random(seed).NextBytes(pixels);
        return pixels;
    }
}

public static class Archives
{
    /// <summary>A .tar.gz of every file below <paramref name="folder"/>, entry names relative to it.</summary>
    public static void WriteTarGz(string folder, string archive)
    {
        using var file = File.Create(archive);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        TarFile.CreateFromDirectory(folder, gzip, includeBaseDirectory: false);
    }

    public static void WriteZip(string folder, string archive) => ZipFile.CreateFromDirectory(folder, archive);
}
