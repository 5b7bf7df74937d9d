using IdentityCrisis.Data;

namespace IdentityCrisis.Tests.Data;

public class CifarConversionTests
{
    /// <summary>One CIFAR record: label byte, then red, green and blue planes of 32x32.</summary>
    private static byte[] Record(byte label, Action<byte[]> paint)
    {
        var record = new byte[CifarBatch.RecordBytes];
        record[0] = label;
        var planes = new byte[3 * 1024];
        paint(planes);
        planes.CopyTo(record, 1);
        return record;
    }

    private const int Red = 0, Green = 1024, Blue = 2048;

    [Fact]
    public void AreaWeightsFor32To28AreEighths()
    {
        var weights = AreaResampler.Weights(32, 28);
        // Output cell 0 spans source [0, 8/7): all of pixel 0 and 1/7 of pixel 1, normalised by 8/7.
        Assert.Equal([(0, 7 / 8.0), (1, 1 / 8.0)], weights[0]);
        Assert.Equal([(1, 6 / 8.0), (2, 2 / 8.0)], weights[1]);
        Assert.Equal([(30, 1 / 8.0), (31, 7 / 8.0)], weights[27]);
        Assert.All(weights, cell => Assert.Equal(1.0, cell.Sum(w => w.Weight), 12));
    }

    [Fact]
    public void UniformRedBecomesItsLuma()
    {
        var image = CifarBatch.ToGray28(Record(0, p => Array.Fill(p, (byte)255, Red, 1024))[1..]);
        Assert.All(image, v => Assert.Equal(0.299, v, 1e-6));
    }

    [Fact]
    public void OnePixelSpreadsByItsAreaOverlap()
    {
        // Green 255 at (0,0) and blue 255 at (0,1).
        var image = CifarBatch.ToGray28(Record(0, p => { p[Green + 0] = 255; p[Blue + 1] = 255; })[1..]);

        // (0,0): rows weigh 7/8 (row 0); columns 7/8 (green) and 1/8 (blue).
        Assert.Equal(7 / 8.0 * (7 / 8.0 * 0.587 + 1 / 8.0 * 0.114), image[0], 1e-6);   // 0.4618...
        // (0,1): only the blue pixel, column weight 6/8.
        Assert.Equal(7 / 8.0 * 6 / 8.0 * 0.114, image[1], 1e-6);                        // 0.0748125
        // Source row 0 lies wholly inside output row 0, and columns 0-1 inside output columns 0-1.
        Assert.Equal(0f, image[28]);
        Assert.Equal(0f, image[2]);
        // Area averaging keeps total brightness: sum(out) * (32/28)^2 = sum(in).
        Assert.Equal(0.587 + 0.114, image.Sum() * (32.0 / 28) * (32.0 / 28), 1e-5);
    }

    [Fact]
    public void ReaderSplitsRecordsAndLabels()
    {
        var bytes = Record(3, p => Array.Fill(p, (byte)255, Blue, 1024))
            .Concat(Record(9, p => Array.Fill(p, (byte)51, 0, 3072))).ToArray();

        var batch = CifarReader.Read(new MemoryStream(bytes), "two.bin");

        Assert.Equal(2, batch.Count);
        Assert.Equal([3, 9], batch.Labels);
        Assert.Equal(0.114, batch.GrayImage(0)[400], 1e-6);
        Assert.Equal(0.2, batch.GrayImage(1)[783], 1e-6);
    }

    [Fact]
    public void PartialRecordIsRejected()
    {
        var bytes = Record(1, _ => { })[..3000];
        var e = Assert.Throws<DataFileException>(() => CifarReader.Read(new MemoryStream(bytes), "cut.bin"));
        Assert.Contains("3000 bytes is not a whole number of 3073-byte CIFAR-10 records", e.Message);
    }

    [Fact]
    public void LabelOutsideTenClassesIsRejected()
    {
        var bytes = Record(1, _ => { }).Concat(Record(10, _ => { })).ToArray();
        var e = Assert.Throws<DataFileException>(() => CifarReader.Read(new MemoryStream(bytes), "cifar100.bin"));
        Assert.Contains("record 1 has label 10", e.Message);
    }
}
