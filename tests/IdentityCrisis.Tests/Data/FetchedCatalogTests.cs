using System.Security.Cryptography;
using IdentityCrisis.Data;

namespace IdentityCrisis.Tests.Data;

/// <summary>The catalog reading installed datasets instead of the embedded pack.</summary>
public class FetchedCatalogTests
{
    private static DataCatalog InstalledToy(TempFolder cache)
    {
        using var source = new TempFolder();
        ToyDataset.WriteGzipped(source.Path);
        Assert.Equal(FetchStatus.Installed, new DatasetFetcher(cache.Path).Import(source.Path, [ToyDataset.Spec], true)[0].Status);
        return new DataCatalog(cache.Path, [ToyDataset.Spec]);
    }

    [Fact]
    public void InstalledIdxDatasetIsLoadedFromTheCache()
    {
        using var cache = new TempFolder();
        var catalog = InstalledToy(cache);

        var test = catalog.Load("toy-test");

        Assert.True(catalog.IsFetched("toy"));
        Assert.Equal(cache["toy/t10k-images-idx3-ubyte"], test.Source);
        Assert.Equal([9, 2], test.Labels);
        Assert.Equal([0, 1], test.SourceIndices);
        Assert.Equal(ToyDataset.Files["t10k-images-idx3-ubyte"][16 + 784 + 10] / 255f, test.Images[1][10]);
    }

    [Fact]
    public void FileChangedAfterTheFetchIsAnErrorNotAFallBack()
    {
        using var cache = new TempFolder();
        var catalog = InstalledToy(cache);
        var path = cache["toy/t10k-images-idx3-ubyte"];
        var bytes = File.ReadAllBytes(path);
        bytes[500] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<DataFileException>(() => catalog.Load("toy-test"));
        Assert.Equal(path, e.File);
        Assert.Contains("changed after it was fetched", e.Message);
        Assert.Contains("icrisis data fetch --toy", e.Message);
    }

    [Fact]
    public void DatasetWithoutMarkerIsNotFetched()
    {
        using var cache = new TempFolder();
        var catalog = InstalledToy(cache);
        File.Delete(cache["toy/verified.json"]);

        Assert.False(catalog.IsFetched("toy-train"));
        var e = Assert.Throws<DataFileException>(() => catalog.Load("toy-train"));
        Assert.Contains("icrisis data fetch --toy", e.Message);
    }

    [Fact]
    public void InstalledCifarTestBatchIsConvertedToGray28()
    {
        using var cache = new TempFolder();
        var folder = cache["cifar-10"];
        Directory.CreateDirectory(folder);
        var files = new List<VerifiedFile>();
        foreach (var spec in DatasetSpec.Cifar.Files)
        {
            var path = Path.Combine(folder, spec.Name);
            using (var file = File.Create(path))
            {
                if (spec.Name == "test_batch.bin")
                {
                    // Record 0: label 7, mid-gray 128 in every channel; record 1: label 3, red only.
                    var records = new byte[2 * 3073];
                    records[0] = 7;
                    Array.Fill(records, (byte)128, 1, 3072);
                    records[3073] = 3;
                    Array.Fill(records, (byte)255, 3074, 1024);
                    file.Write(records);
                }
                file.SetLength(spec.Bytes); // the rest: zeros, i.e. black airplanes (label 0)
            }
            using var read = File.OpenRead(path);
            files.Add(new VerifiedFile(spec.Name, spec.Bytes, Convert.ToHexStringLower(SHA256.HashData(read))));
        }
        new VerifiedMarker("cifar", "test", "test", DateTime.UtcNow, files).Write(folder);
        var catalog = new DataCatalog(cache.Path);

        var test = catalog.Load("cifar-test");

        Assert.True(catalog.IsFetched("cifar"));
        Assert.Equal(10_000, test.Count);
        Assert.Equal(Path.Combine(folder, "test_batch.bin"), test.Source);
        Assert.Equal([7, 3, 0], test.Labels.Take(3));
        Assert.All(test.Images[0], p => Assert.Equal(128 / 255.0, p, 1e-6));
        Assert.All(test.Images[1], p => Assert.Equal(0.299, p, 1e-6));
        Assert.All(test.Images[2], p => Assert.Equal(0f, p));
    }
}
