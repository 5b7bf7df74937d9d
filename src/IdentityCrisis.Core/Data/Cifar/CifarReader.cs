namespace IdentityCrisis.Data;

/// <summary>Reads CIFAR-10 binary batch files (data_batch_N.bin, test_batch.bin).</summary>
public static class CifarReader
{
    public static CifarBatch Read(string path, string fix = DataFileException.RefetchFix)
    {
        using var stream = CompressedFile.OpenRead(path);
        return Read(stream, path, fix);
    }

    /// <param name="name">The file or archive entry name used in error messages.</param>
    public static CifarBatch Read(Stream stream, string name, string fix = DataFileException.RefetchFix)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length == 0 || bytes.Length % CifarBatch.RecordBytes != 0)
            throw new DataFileException(name,
                $"{bytes.Length} bytes is not a whole number of {CifarBatch.RecordBytes}-byte CIFAR-10 records (truncated or not a batch file)", fix);

        int count = bytes.Length / CifarBatch.RecordBytes;
        var labels = new byte[count];
        var pixels = new byte[count * (CifarBatch.RecordBytes - 1)];
        for (int r = 0; r < count; r++)
        {
            var record = bytes.Slice(r * CifarBatch.RecordBytes, CifarBatch.RecordBytes);
            if (record[0] >= CifarBatch.ClassCount)
                throw new DataFileException(name, $"record {r} has label {record[0]}, but CIFAR-10 labels are 0..9; not a CIFAR-10 batch", fix);
            labels[r] = record[0];
            record[1..].CopyTo(pixels.AsSpan(r * (CifarBatch.RecordBytes - 1)));
        }
        return new CifarBatch(labels, pixels);
    }
}
