using System.Security.Cryptography;
using IdentityCrisis.Data;

namespace IdentityCrisis.Tests.Data;

public class DatasetDownloadTests
{
    private static StubHttpHandler ServingToy()
    {
        var handler = new StubHttpHandler();
        foreach (var (name, bytes) in ToyDataset.Files)
            handler.Serve(ToyDataset.DownloadBase + name + ".gz", IdxWriter.Gzip(bytes));
        return handler;
    }

    private static FetchOutcome Download(string cache, HttpMessageHandler handler, DatasetSpec dataset) =>
        Assert.Single(new DatasetFetcher(cache, handler).DownloadAsync([dataset]).GetAwaiter().GetResult());

    [Fact]
    public void DownloadedFilesAreVerifiedAndInstalled()
    {
        using var cache = new TempFolder();
        var handler = ServingToy();

        var outcome = Download(cache.Path, handler, ToyDataset.Spec);

        Assert.Equal(FetchStatus.Installed, outcome.Status);
        Assert.Equal(4, handler.Requested.Count);
        var marker = new DataDirectory(cache.Path).InstalledMarker(ToyDataset.Spec)!;
        Assert.Contains(ToyDataset.DownloadBase + "t10k-labels-idx1-ubyte.gz", marker.Source);
        Assert.Equal(ToyDataset.Files["t10k-labels-idx1-ubyte"], File.ReadAllBytes(cache["toy/t10k-labels-idx1-ubyte"]));
        Assert.Equal(5, cache.Files().Length);
    }

    [Fact]
    public void ConnectionBrokenHalfWayLeavesNoFileBehind()
    {
        using var cache = new TempFolder();
        var url = ToyDataset.DownloadBase + "train-images-idx3-ubyte.gz";
        var handler = ServingToy().BreakAfter(url, 1000);

        var outcome = Download(cache.Path, handler, ToyDataset.Spec);

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains(url, outcome.Message);
        Assert.Contains("download failed after 1000 bytes", outcome.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void BodyShorterThanAnnouncedIsAFailure()
    {
        using var cache = new TempFolder();
        var url = ToyDataset.DownloadBase + "t10k-images-idx3-ubyte.gz";
        var handler = ServingToy().ClaimLength(url, 1_000_000);

        var outcome = Download(cache.Path, handler, ToyDataset.Spec);

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains("of 1000000 bytes", outcome.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void MissingFileOnTheServerIsNamed()
    {
        using var cache = new TempFolder();
        var outcome = Download(cache.Path, new StubHttpHandler(), ToyDataset.Spec);

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains("404", outcome.Message);
        Assert.Contains(ToyDataset.DownloadBase + "train-images-idx3-ubyte.gz", outcome.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void ServedFileWithOtherContentIsRejected()
    {
        using var cache = new TempFolder();
        var url = ToyDataset.DownloadBase + "train-labels-idx1-ubyte.gz";
        var handler = ServingToy().Serve(url, IdxWriter.Gzip(IdxWriter.ToBytes(IdxArray.Labels([0, 0, 0, 0, 0]))));

        var outcome = Download(cache.Path, handler, ToyDataset.Spec);

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains($"rejected {url}", outcome.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void ArchiveWithThePublishedMd5IsUnpackedAndVerified()
    {
        using var cache = new TempFolder();
        var (spec, archive) = ToyCifar.Create(md5Of: null);
        var handler = new StubHttpHandler().Serve(ToyCifar.Url, archive);

        var outcome = Download(cache.Path, handler, spec);

        Assert.Equal(FetchStatus.Installed, outcome.Status);
        var marker = new DataDirectory(cache.Path).InstalledMarker(spec)!;
        Assert.StartsWith($"MD5 of {ToyCifar.Url} equals the published", marker.VerifiedBy);
        Assert.Equal(["toy-cifar/data_batch_1.bin", "toy-cifar/test_batch.bin", "toy-cifar/verified.json"], cache.Files());
    }

    [Fact]
    public void ArchiveWithAnotherMd5IsRefusedWhole()
    {
        using var cache = new TempFolder();
        var (spec, archive) = ToyCifar.Create(md5Of: [1, 2, 3]);
        var handler = new StubHttpHandler().Serve(ToyCifar.Url, archive);

        var outcome = Download(cache.Path, handler, spec);

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains("the downloaded archive has MD5", outcome.Message);
        Assert.Empty(cache.Files());
    }
}

/// <summary>A CIFAR-style dataset of two 2-record batches, published as one .tar.gz.</summary>
public static class ToyCifar
{
    public const string Url = "https://example.test/toy-cifar-binary.tar.gz";

    /// <param name="md5Of">Publish the MD5 of these bytes instead of the archive's own (null: the archive's).</param>
    public static (DatasetSpec Spec, byte[] Archive) Create(byte[]? md5Of)
    {
        using var content = new TempFolder();
        Directory.CreateDirectory(content["cifar-10-batches-bin"]);
        var batch = new byte[2 * 3073];
        batch[0] = 6;
        batch[3073] = 9;
        File.WriteAllBytes(content["cifar-10-batches-bin/data_batch_1.bin"], batch);
        File.WriteAllBytes(content["cifar-10-batches-bin/test_batch.bin"], batch);
        File.WriteAllText(content["cifar-10-batches-bin/readme.html"], "not a batch");
        using var archiveFolder = new TempFolder();
        Archives.WriteTarGz(content.Path, archiveFolder["a.tar.gz"]);
        var archive = File.ReadAllBytes(archiveFolder["a.tar.gz"]);

        var md5 = Convert.ToHexStringLower(MD5.HashData(md5Of ?? archive));
        var spec = new DatasetSpec("toycifar", "ToyCIFAR", "toy-cifar",
            [new DatasetFileSpec("data_batch_1.bin", batch.Length, null), new DatasetFileSpec("test_batch.bin", batch.Length, null)],
            ["toycifar-train", "toycifar-test"],
            archive: new DatasetArchive("toy-cifar-binary.tar.gz", new Uri(Url), md5));
        return (spec, archive);
    }
}
