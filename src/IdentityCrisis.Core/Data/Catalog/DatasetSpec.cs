namespace IdentityCrisis.Data;

/// <summary>How a dataset's files are laid out, which decides how they are verified and read.</summary>
public enum DatasetFormat
{
    /// <summary>IDX files published one by one as .gz, each with a known SHA-256.</summary>
    Idx,
    /// <summary>CIFAR-10 binary batches, published together in one archive with a known MD5.</summary>
    CifarBinary,
}

/// <summary>The single archive a dataset is published as.</summary>
public sealed record DatasetArchive(string FileName, Uri Url, string Md5);

/// <summary>A full dataset that `icrisis data fetch` can put in the cache.</summary>
public sealed class DatasetSpec
{
    public static readonly DatasetSpec Mnist = new(
        "mnist", "MNIST", "mnist", DatasetChecksums.MnistFiles, ["mnist-train", "mnist-test"],
        downloadBase: "https://ossci-datasets.s3.amazonaws.com/mnist/");

    public static readonly DatasetSpec Fashion = new(
        "fashion", "Fashion-MNIST", "fashion-mnist", DatasetChecksums.FashionFiles, ["fashion-train", "fashion-test"],
        downloadBase: "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    public static readonly DatasetSpec Cifar = new(
        "cifar", "CIFAR-10", "cifar-10", DatasetChecksums.CifarFiles, ["cifar-train", "cifar-test"],
        archive: new DatasetArchive("cifar-10-binary.tar.gz", new Uri("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"),
            DatasetChecksums.CifarArchiveMd5));

    public static IReadOnlyList<DatasetSpec> All { get; } = [Mnist, Fashion, Cifar];

    /// <summary>"mnist", "fashion" or "cifar": the fetch option is "--" + Id.</summary>
    public string Id { get; }
    public string Title { get; }
    /// <summary>Sub-folder of the data directory holding this dataset's files.</summary>
    public string Folder { get; }
    public IReadOnlyList<DatasetFileSpec> Files { get; }
    /// <summary>The image-set names (for <see cref="DataCatalog.Load"/>) this dataset provides.</summary>
    public IReadOnlyList<string> ImageSets { get; }
    public DatasetFormat Format => Archive is null ? DatasetFormat.Idx : DatasetFormat.CifarBinary;
    /// <summary>The archive of a CIFAR-style dataset; null for IDX datasets.</summary>
    public DatasetArchive? Archive { get; }
    private readonly string? _downloadBase;

    /// <summary>Public datasets are the static instances; tests build small ones with their own checksums.</summary>
    internal DatasetSpec(string id, string title, string folder, IReadOnlyList<DatasetFileSpec> files,
        IReadOnlyList<string> imageSets, string? downloadBase = null, DatasetArchive? archive = null)
    {
        if ((downloadBase is null) == (archive is null))
            throw new ArgumentException("a dataset is published either file by file or as one archive");
        Id = id; Title = title; Folder = folder; Files = files; ImageSets = imageSets;
        _downloadBase = downloadBase;
        Archive = archive;
    }

    /// <summary>Where the gzipped file is published (IDX datasets only).</summary>
    public Uri DownloadUrl(DatasetFileSpec file) =>
        _downloadBase is null ? throw new InvalidOperationException($"{Title} is published as one archive")
            : new Uri(_downloadBase + file.Name + ".gz");

    public DatasetFileSpec? FileNamed(string name) => Files.FirstOrDefault(f => f.Name == name);

    public override string ToString() => Title;
}
