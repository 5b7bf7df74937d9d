using System.Security.Cryptography;
using IdentityCrisis.Data;

namespace IdentityCrisis.Tests.Data;

public class DatasetImportTests
{
    [Fact]
    public void GoodFilesAreVerifiedAndInstalledUncompressed()
    {
        using var source = new TempFolder();
        using var cache = new TempFolder();
        ToyDataset.WriteGzipped(source["nested/deeper"]);

        var outcome = Assert.Single(new DatasetFetcher(cache.Path).Import(source.Path, [ToyDataset.Spec], explicitSelection: true));

        Assert.Equal(FetchStatus.Installed, outcome.Status);
        var directory = new DataDirectory(cache.Path);
        var marker = directory.InstalledMarker(ToyDataset.Spec);
        Assert.NotNull(marker);
        Assert.Equal(source.Path, marker.Source);
        foreach (var (name, bytes) in ToyDataset.Files)
        {
            Assert.Equal(bytes, File.ReadAllBytes(cache[$"toy/{name}"]));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), marker.FileNamed(name)!.Sha256);
        }
        Assert.Equal(["toy/t10k-images-idx3-ubyte", "toy/t10k-labels-idx1-ubyte", "toy/train-images-idx3-ubyte",
                      "toy/train-labels-idx1-ubyte", "toy/verified.json"], cache.Files());
    }

    [Theory]
    [InlineData("toy.tar.gz")]
    [InlineData("toy.zip")]
    public void ArchivesAreImportedLikeFolders(string archiveName)
    {
        using var source = new TempFolder();
        using var cache = new TempFolder();
        ToyDataset.WriteGzipped(source["content/toy-files"]);
        var archive = source[archiveName];
        if (archiveName.EndsWith(".zip")) Archives.WriteZip(source["content"], archive);
        else Archives.WriteTarGz(source["content"], archive);

        var outcome = Assert.Single(new DatasetFetcher(cache.Path).Import(archive, [ToyDataset.Spec], explicitSelection: true));

        Assert.Equal(FetchStatus.Installed, outcome.Status);
        Assert.Equal(5, cache.Files().Length);
    }

    [Fact]
    public void OneCorruptFileIsNamedAndNothingIsInstalled()
    {
        using var source = new TempFolder();
        using var cache = new TempFolder();
        ToyDataset.WriteGzipped(source.Path);
        var corrupt = source["t10k-images-idx3-ubyte.gz"];
        var gz = File.ReadAllBytes(corrupt);
        File.WriteAllBytes(corrupt, gz[..(gz.Length - 100)]);

        var outcome = Assert.Single(new DatasetFetcher(cache.Path).Import(source.Path, [ToyDataset.Spec], explicitSelection: true));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains($"rejected {corrupt}", outcome.Message);
        Assert.Contains("missing or unverified: t10k-images-idx3-ubyte", outcome.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void AFileWithTheRightNameButOtherContentIsRejected()
    {
        using var source = new TempFolder();
        using var cache = new TempFolder();
        ToyDataset.WriteGzipped(source.Path);
        // A valid IDX file, just not the published one.
        IdxWriter.WriteGzip(source["train-labels-idx1-ubyte.gz"], IdxArray.Labels([3, 1, 4, 1, 6]));

        var outcome = Assert.Single(new DatasetFetcher(cache.Path).Import(source.Path, [ToyDataset.Spec], explicitSelection: true));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains(source["train-labels-idx1-ubyte.gz"], outcome.Message);
        Assert.Contains("is not that of the official train-labels-idx1-ubyte of Toy", outcome.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void AFailedImportKeepsTheInstalledDataset()
    {
        using var good = new TempFolder();
        using var bad = new TempFolder();
        using var cache = new TempFolder();
        ToyDataset.WriteGzipped(good.Path);
        ToyDataset.WriteGzipped(bad.Path);
        File.WriteAllBytes(bad["train-images-idx3-ubyte.gz"], [1, 2, 3]);
        var fetcher = new DatasetFetcher(cache.Path);

        Assert.Equal(FetchStatus.Installed, fetcher.Import(good.Path, [ToyDataset.Spec], true)[0].Status);
        Assert.Equal(FetchStatus.Failed, fetcher.Import(bad.Path, [ToyDataset.Spec], true)[0].Status);

        Assert.NotNull(new DataDirectory(cache.Path).InstalledMarker(ToyDataset.Spec));
        Assert.Equal(ToyDataset.Files["train-images-idx3-ubyte"], File.ReadAllBytes(cache["toy/train-images-idx3-ubyte"]));
    }

    [Fact]
    public void DatasetNotAskedForAndNotFoundIsOnlyReported()
    {
        using var source = new TempFolder();
        using var cache = new TempFolder();
        File.WriteAllText(source["readme.txt"], "nothing here");
        var fetcher = new DatasetFetcher(cache.Path);

        Assert.Equal(FetchStatus.NotFound, fetcher.Import(source.Path, [ToyDataset.Spec], explicitSelection: false)[0].Status);
        Assert.Equal(FetchStatus.Failed, fetcher.Import(source.Path, [ToyDataset.Spec], explicitSelection: true)[0].Status);
    }

    [Fact]
    public void GarbageUnderAnOfficialMnistNameIsRejectedByName()
    {
        using var source = new TempFolder();
        using var cache = new TempFolder();
        File.WriteAllBytes(source["train-images-idx3-ubyte.gz"], IdxWriter.Gzip(IdxWriter.ToBytes(IdxArray.Labels([1, 2]))));

        var outcome = Assert.Single(new DatasetFetcher(cache.Path).Import(source.Path, [DatasetSpec.Mnist], explicitSelection: true));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains($"rejected {source["train-images-idx3-ubyte.gz"]}: holds 10 bytes decompressed where the official file has 47040016", outcome.Message);
        Assert.Empty(cache.Files());
        Assert.False(new DataCatalog(cache.Path).IsFetched("mnist"));
    }

    [Fact]
    public void CifarBatchOfTheWrongSizeIsRejected()
    {
        using var source = new TempFolder();
        using var cache = new TempFolder();
        Directory.CreateDirectory(source["cifar-10-batches-bin"]);
        File.WriteAllBytes(source["cifar-10-batches-bin/test_batch.bin"], new byte[3073 * 2]);

        var outcome = Assert.Single(new DatasetFetcher(cache.Path).Import(source.Path, [DatasetSpec.Cifar], explicitSelection: true));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains("6146 bytes where the official test_batch.bin has 30730000", outcome.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void StalePartialFilesAreCleanedUp()
    {
        using var source = new TempFolder();
        using var cache = new TempFolder();
        File.WriteAllText(cache[".left-by-a-killed-fetch.partial"], "x");
        ToyDataset.WriteGzipped(source.Path);

        new DatasetFetcher(cache.Path).Import(source.Path, [ToyDataset.Spec], explicitSelection: true);

        Assert.DoesNotContain(cache.Files(), f => f.EndsWith(".partial"));
    }

    [Theory]
    [InlineData("train-images-idx3-ubyte.gz", "train-images-idx3-ubyte")]
    [InlineData("train-images.idx3-ubyte", "train-images-idx3-ubyte")]
    [InlineData("T10K-LABELS-IDX1-UBYTE", "t10k-labels-idx1-ubyte")]
    [InlineData("test_batch.bin", "test_batch.bin")]
    public void MirrorSpellingsMapToOfficialNames(string fileName, string official) =>
        Assert.Equal(official, DatasetImporter.OfficialName(fileName));
}
