using IdentityCrisis.Data;

namespace IdentityCrisis.Tests.Data;

public class IdxReaderTests
{
    private static readonly byte[] ThreeImages = Enumerable.Range(0, 3 * 784).Select(i => (byte)(i * 7 % 256)).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ImagesAndLabelsRoundTrip(bool gzip)
    {
        using var dir = new TempFolder();
        var images = IdxArray.Images(ThreeImages);
        var labels = IdxArray.Labels([7, 2, 9]);
        Write(dir["images"], images, gzip);
        Write(dir["labels"], labels, gzip);

        var readImages = IdxReader.ReadImages(dir["images"]);
        var readLabels = IdxReader.ReadLabels(dir["labels"]);

        Assert.Equal([3, 28, 28], readImages.Dimensions);
        Assert.Equal(ThreeImages, readImages.Data);
        Assert.Equal([7, 2, 9], readLabels.ToLabels());
        // Pixel 5 of image 1 is byte (784 + 5) * 7 % 256 = 147.
        Assert.Equal(147 / 255f, readImages.ImageAt(1)[5]);
        Assert.Equal(images.Sha256(), readImages.Sha256());
    }

    [Fact]
    public void HeaderIsBigEndianMagicThenDimensions()
    {
        var bytes = IdxWriter.ToBytes(IdxArray.Images(ThreeImages));
        Assert.Equal(new byte[] { 0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 28, 0, 0, 0, 28 }, bytes[..16]);
        Assert.Equal(16 + 3 * 784, bytes.Length);
    }

    [Fact]
    public void TruncatedFileIsRejectedWithNameAndFix()
    {
        using var dir = new TempFolder();
        var bytes = IdxWriter.ToBytes(IdxArray.Images(ThreeImages));
        File.WriteAllBytes(dir["cut"], bytes[..^10]);

        var e = Assert.Throws<DataFileException>(() => IdxReader.ReadImages(dir["cut"]));
        Assert.Equal(dir["cut"], e.File);
        Assert.Contains("truncated", e.Message);
        Assert.Contains($"holds only {3 * 784 - 10} data bytes", e.Message);
        Assert.Contains("icrisis data fetch", e.Message);
    }

    [Fact]
    public void TruncatedGzipIsRejected()
    {
        using var dir = new TempFolder();
        var gz = IdxWriter.Gzip(IdxWriter.ToBytes(IdxArray.Images(ThreeImages)));
        File.WriteAllBytes(dir["cut.gz"], gz[..(gz.Length / 2)]);

        var e = Assert.Throws<DataFileException>(() => IdxReader.ReadImages(dir["cut.gz"]));
        Assert.Equal(dir["cut.gz"], e.File);
    }

    [Fact]
    public void TruncatedHeaderIsRejected()
    {
        using var dir = new TempFolder();
        File.WriteAllBytes(dir["short"], [0, 0, 8, 3, 0, 0]);
        var e = Assert.Throws<DataFileException>(() => IdxReader.ReadImages(dir["short"]));
        Assert.Contains("inside the header (6 of 16 bytes)", e.Message);
    }

    [Fact]
    public void WrongMagicNamesBothKinds()
    {
        using var dir = new TempFolder();
        IdxWriter.Write(dir["labels"], IdxArray.Labels([1, 2, 3]));

        var e = Assert.Throws<DataFileException>(() => IdxReader.ReadImages(dir["labels"]));
        Assert.Contains("magic number 0x00000801", e.Message);
        Assert.Contains("0x00000803", e.Message);
        Assert.Contains("looks like an IDX label file", e.Message);
    }

    [Fact]
    public void DoublyCompressedFileIsNotMistakenForIdx()
    {
        using var dir = new TempFolder();
        var twice = IdxWriter.Gzip(IdxWriter.Gzip(IdxWriter.ToBytes(IdxArray.Labels([1]))));
        File.WriteAllBytes(dir["twice.gz"], twice);
        var e = Assert.Throws<DataFileException>(() => IdxReader.ReadLabels(dir["twice.gz"]));
        Assert.Contains("magic number 0x1F8B", e.Message);
        Assert.Contains("something other than an IDX file", e.Message);
    }

    [Fact]
    public void TrailingBytesAreRejected()
    {
        using var dir = new TempFolder();
        var bytes = IdxWriter.ToBytes(IdxArray.Labels([1, 2, 3]));
        File.WriteAllBytes(dir["long"], [.. bytes, 0]);

        var e = Assert.Throws<DataFileException>(() => IdxReader.ReadLabels(dir["long"]));
        Assert.Contains("trailing bytes after the 3 items", e.Message);
    }

    [Fact]
    public void CorruptGzipIsRejected()
    {
        using var dir = new TempFolder();
        var gz = IdxWriter.Gzip(IdxWriter.ToBytes(IdxArray.Images(ThreeImages)));
        // Byte 10 starts the deflate data; 0xFF declares block type 3, which does not exist.
        gz[10] = 0xFF;
        File.WriteAllBytes(dir["bad.gz"], gz);

        var e = Assert.Throws<DataFileException>(() => IdxReader.ReadImages(dir["bad.gz"]));
        Assert.Contains("corrupt gzip data", e.Message);
        Assert.Equal(dir["bad.gz"], e.File);
    }

    [Fact]
    public void ImagesOfAnotherSizeAreRejected()
    {
        var bytes = IdxWriter.ToBytes(new IdxArray([2, 32, 32], new byte[2 * 32 * 32]));
        var e = Assert.Throws<DataFileException>(() => IdxReader.ReadImages(new MemoryStream(bytes), "cifar-like"));
        Assert.Contains("images are 32x32, this tool needs 28x28", e.Message);
    }

    [Fact]
    public void LyingHeaderDoesNotAllocateItsClaim()
    {
        // Declares 1,000,000 images (784 MB) but holds one: must fail fast as truncated.
        var bytes = IdxWriter.ToBytes(IdxArray.Images(new byte[784]));
        bytes[4] = 0x00; bytes[5] = 0x0F; bytes[6] = 0x42; bytes[7] = 0x40;
        var e = Assert.Throws<DataFileException>(() => IdxReader.ReadImages(new MemoryStream(bytes), "liar"));
        Assert.Contains("declares 1000000 items", e.Message);
    }

    [Fact]
    public void MissingFileSaysSo()
    {
        var e = Assert.Throws<DataFileException>(() => IdxReader.ReadLabels("/nonexistent/labels-idx1-ubyte"));
        Assert.Contains("file not found", e.Message);
    }

    private static void Write(string path, IdxArray array, bool gzip)
    {
        if (gzip) IdxWriter.WriteGzip(path, array);
        else IdxWriter.Write(path, array);
    }
}
