using System.Security.Cryptography;
using IdentityCrisis.Data;

namespace IdentityCrisis.Tests.Data;

public class EmbeddedPackTests
{
    private static DataCatalog EmptyCache() => new(Path.Combine(Path.GetTempPath(), $"icrisis-no-cache-{Guid.NewGuid():N}"));

    [Theory]
    [InlineData("mnist-train", 2000, 7, 224)]
    [InlineData("mnist-test", 1000, 7, 99)]
    [InlineData("fashion-test", 1000, 9, 95)]
    [InlineData("natural", 80, 3, 10)]
    public void SetsHaveTheirCountsAndLabels(string name, int count, int label, int withLabel)
    {
        var set = EmptyCache().Load(name);
        Assert.Equal(count, set.Count);
        Assert.Equal(EmbeddedPack.SourceName, set.Source);
        Assert.Equal(Enumerable.Range(0, count), set.SourceIndices);
        Assert.Equal(withLabel, set.Labels.Count(l => l == label));
        Assert.All(set.Images, image => Assert.All(image, p => Assert.InRange(p, 0f, 1f)));
    }

    [Fact]
    public void FirstLabelsAreTheOfficialOnes()
    {
        var catalog = EmptyCache();
        Assert.Equal([5, 0, 4, 1, 9, 2, 1, 3, 1, 4, 3, 5, 3, 6, 1, 7], catalog.Load("mnist-train").Labels.Take(16));
        Assert.Equal([7, 2, 1, 0, 4, 1, 4, 9, 5, 9], catalog.Load("mnist-test").Labels.Take(10));
        Assert.Equal([9, 2, 1, 1, 6, 1, 4, 6, 5, 7], catalog.Load("fashion-test").Labels.Take(10));
    }

    [Fact]
    public void TrainingIndex15IsASeven()
    {
        var catalog = EmptyCache();
        var train = catalog.Load("mnist-train");
        int position = train.PositionOf(15);
        Assert.Equal(7, train.Labels[position]);

        var seven = catalog.MnistTrainImage(15);
        Assert.Same(train.Images[position], seven);
        Assert.Equal(144, seven.Count(p => p > 0));
        Assert.Equal(99.2, seven.Sum(), 1e-3);
    }

    [Fact]
    public void ManifestChecksumsMatchTheEmbeddedBytes()
    {
        var assembly = typeof(EmbeddedPack).Assembly;
        Assert.Equal(8, EmbeddedPack.Manifest.Files.Count);
        foreach (var file in EmbeddedPack.Manifest.Files)
        {
            using var resource = assembly.GetManifestResourceStream("pack/" + file.File)!;
            using var gzip = new System.IO.Compression.GZipStream(resource, System.IO.Compression.CompressionMode.Decompress);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(gzip)));
        }
    }

    [Fact]
    public void PackStaysUnderTwoMegabytes()
    {
        var assembly = typeof(EmbeddedPack).Assembly;
        long total = assembly.GetManifestResourceNames().Where(n => n.StartsWith("pack/"))
            .Sum(n => assembly.GetManifestResourceStream(n)!.Length);
        Assert.InRange(total, 500_000, 2_000_000);
    }

    [Fact]
    public void NaturalProbesAreTracedToLicensedImages()
    {
        var manifest = EmbeddedPack.Manifest;
        Assert.Equal(8, manifest.NaturalImages.Count);
        Assert.All(manifest.NaturalImages, image => Assert.Contains(image.Licence, new[] { "CC0 1.0", "Public domain" }));
        Assert.Equal(80, manifest.NaturalProbes.Count);
        var natural = EmptyCache().Load("natural");
        Assert.Equal(manifest.NaturalProbes.Select(p => p.Label), natural.Labels);
        // Probe 0 is the whole camera image (512x512).
        Assert.Equal(new NaturalProbe(0, 0, 0, 0, 512), manifest.NaturalProbes[0]);
    }

    [Fact]
    public void TrainingImageBeyondThePackNeedsTheFetchedSet()
    {
        var e = Assert.Throws<DataFileException>(() => EmptyCache().MnistTrainImage(2000));
        Assert.Contains("indices 0..1999", e.Message);
        Assert.Contains("icrisis data fetch --mnist", e.Message);
    }

    [Fact]
    public void CifarWithoutFetchSaysHowToGetIt()
    {
        var e = Assert.Throws<DataFileException>(() => EmptyCache().Load("cifar-test"));
        Assert.Contains("icrisis data fetch --cifar", e.Message);
        Assert.Contains("--from", e.Message);
    }

    [Fact]
    public void UnknownSetListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => EmptyCache().Load("imagenet"));
        Assert.Contains("mnist-train", e.Message);
        Assert.Contains("natural", e.Message);
    }

    [Fact]
    public void NothingFetchedInAnEmptyCache()
    {
        var catalog = EmptyCache();
        Assert.False(catalog.IsFetched("mnist"));
        Assert.False(catalog.IsFetched("fashion-test"));
        Assert.False(catalog.IsFetched("cifar"));
    }
}
