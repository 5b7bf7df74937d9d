using System.Security.Cryptography;

namespace IdentityCrisis.Data;

/// <summary>
/// Where image sets come from: the full dataset in the cache when `icrisis data fetch` has
/// installed it, otherwise the embedded pack. A cached file that fails its checksum is an
/// error rather than a silent fall-back to the pack, because that would quietly change the
/// data a result was computed on.
/// </summary>
public sealed class DataCatalog
{
    /// <summary>Every name <see cref="Load"/> accepts.</summary>
    public static IReadOnlyList<string> SetNames { get; } =
        ["mnist-train", "mnist-test", "fashion-train", "fashion-test", "cifar-train", "cifar-test", "natural"];

    private readonly Dictionary<string, ImageSet> _loaded = [];
    private readonly IReadOnlyList<DatasetSpec> _datasets;

    public DataDirectory Directory { get; }

    /// <param name="dataDir">Cache folder; null or empty means $ICRISIS_DATA_DIR, else ~/.cache/icrisis/data.</param>
    public DataCatalog(string? dataDir) : this(dataDir, DatasetSpec.All) { }

    /// <summary>A catalog over other datasets than the public ones (tests use small ones with their own checksums).</summary>
    internal DataCatalog(string? dataDir, IReadOnlyList<DatasetSpec> datasets)
    {
        Directory = new DataDirectory(dataDir);
        _datasets = datasets;
    }

    /// <summary>Whether a dataset ("mnist", "fashion", "cifar", or one of its set names) is installed in the cache.</summary>
    public bool IsFetched(string dataset)
    {
        var spec = Find(dataset) ?? throw UnknownSet(dataset);
        return Directory.InstalledMarker(spec) is not null;
    }

    /// <summary>The image set <paramref name="name"/>; loaded once per catalog.</summary>
    public ImageSet Load(string name)
    {
        lock (_loaded)
        {
            if (_loaded.TryGetValue(name, out var set)) return set;
            set = LoadUncached(name);
            _loaded[name] = set;
            return set;
        }
    }

    /// <summary>
    /// MNIST training image <paramref name="index"/> (0..59999). The pack covers 0..1999; the
    /// rest needs the fetched dataset. Reading one image does not convert all 60,000.
    /// </summary>
    public float[] MnistTrainImage(int index)
    {
        var pack = EmbeddedPack.Load("mnist-train");
        int position = pack.PositionOf(index);
        if (position >= 0) return pack.Images[position];
        if (index is < 0 or >= 60_000)
            throw new ArgumentOutOfRangeException(nameof(index), index, "MNIST training indices are 0..59999");
        if (Directory.InstalledMarker(DatasetSpec.Mnist) is null)
            throw new DataFileException($"MNIST training image {index}",
                $"is not in the embedded pack (indices {pack.SourceIndices[0]}..{pack.SourceIndices[^1]}) and the full MNIST is not in {Directory.Root}",
                "Run `icrisis data fetch --mnist` (or `icrisis data fetch --mnist --from DIR` offline)");
        return ReadVerifiedIdx(DatasetSpec.Mnist, "train-images-idx3-ubyte", images: true).ImageAt(index);
    }

    private ImageSet LoadUncached(string name)
    {
        var dataset = Find(name);
        if (dataset is null || !dataset.ImageSets.Contains(name))
        {
            if (EmbeddedPack.Contains(name)) return EmbeddedPack.Load(name);
            throw UnknownSet(name);
        }
        if (IsFetched(dataset.Id))
            return dataset.Format == DatasetFormat.CifarBinary ? LoadCifar(dataset, name) : LoadIdx(dataset, name);
        if (EmbeddedPack.Contains(name)) return EmbeddedPack.Load(name);
        throw new DataFileException(name, $"is not in the embedded pack and {dataset.Title} is not in {Directory.Root}",
            $"Run `icrisis data fetch --{dataset.Id}` (or `icrisis data fetch --{dataset.Id} --from PATH` offline)");
    }

    private ImageSet LoadIdx(DatasetSpec dataset, string name)
    {
        var split = name.EndsWith("-train") ? "train" : "t10k";
        var images = ReadVerifiedIdx(dataset, $"{split}-images-idx3-ubyte", images: true);
        var labels = ReadVerifiedIdx(dataset, $"{split}-labels-idx1-ubyte", images: false);
        var path = Directory.PathOf(dataset, dataset.FileNamed($"{split}-images-idx3-ubyte")!);
        if (images.Count != labels.Count)
            throw new DataFileException(path, $"{images.Count} images but {labels.Count} labels", RefetchFix(dataset));
        return new ImageSet(name, images.ToImages(), labels.ToLabels(), Enumerable.Range(0, images.Count).ToArray(), path);
    }

    private IdxArray ReadVerifiedIdx(DatasetSpec dataset, string fileName, bool images)
    {
        var spec = dataset.FileNamed(fileName)!;
        var path = Directory.PathOf(dataset, spec);
        var array = images ? IdxReader.ReadImages(path, RefetchFix(dataset)) : IdxReader.ReadLabels(path, RefetchFix(dataset));
        var sha = array.Sha256();
        if (sha != spec.Sha256)
            throw new DataFileException(path, $"SHA-256 {sha} is not the official {spec.Sha256}: the file changed after it was fetched", RefetchFix(dataset));
        return array;
    }

    private ImageSet LoadCifar(DatasetSpec dataset, string name)
    {
        var marker = Directory.InstalledMarker(dataset)!;
        var files = dataset.Files.Select(f => f.Name).Where(f => f.StartsWith(name.EndsWith("-test") ? "test_batch" : "data_batch_")).ToArray();
        var images = new List<float[]>();
        var labels = new List<int>();
        foreach (var file in files)
        {
            var path = Directory.PathOf(dataset, dataset.FileNamed(file)!);
            var bytes = File.ReadAllBytes(path);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (sha != marker.FileNamed(file)!.Sha256)
                throw new DataFileException(path, $"SHA-256 {sha} differs from the {marker.FileNamed(file)!.Sha256} recorded when it was fetched", RefetchFix(dataset));
            var batch = CifarReader.Read(new MemoryStream(bytes), path, RefetchFix(dataset));
            for (int i = 0; i < batch.Count; i++)
            {
                images.Add(batch.GrayImage(i));
                labels.Add(batch.Labels[i]);
            }
        }
        var source = files.Length == 1 ? Directory.PathOf(dataset, dataset.FileNamed(files[0])!) : Path.Combine(Directory.FolderOf(dataset), "data_batch_{1..5}.bin");
        return new ImageSet(name, images, labels, Enumerable.Range(0, images.Count).ToArray(), source);
    }

    /// <summary>The dataset by id ("mnist") or by one of its image-set names ("mnist-test").</summary>
    private DatasetSpec? Find(string name) => _datasets.FirstOrDefault(d => d.Id == name || d.ImageSets.Contains(name));

    private static string RefetchFix(DatasetSpec dataset) =>
        $"Re-run `icrisis data fetch --{dataset.Id}` (or `icrisis data fetch --{dataset.Id} --from PATH` offline) to replace it";

    private static ArgumentException UnknownSet(string name) =>
        new($"unknown data set '{name}'; known: {string.Join(", ", SetNames)} (datasets: {string.Join(", ", DatasetSpec.All.Select(d => d.Id))})");
}
