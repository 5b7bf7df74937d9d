using System.Buffers.Binary;
using IdentityCrisis.Config;

namespace IdentityCrisis.Data;

/// <summary>
/// Reads unsigned-byte IDX files, raw or gzipped, and refuses anything that is not exactly
/// what its header declares: a truncated download or a file with bytes appended would
/// otherwise yield shifted or missing images without any error.
/// </summary>
public static class IdxReader
{
    /// <summary>Declared sizes above this are treated as a corrupt header, not a request to allocate.</summary>
    private const long MaxDataBytes = 1L << 30;

    /// <summary>Reads an image file (magic 0x00000803) of 28x28 images.</summary>
    public static IdxArray ReadImages(string path, string fix = DataFileException.RefetchFix)
    {
        using var stream = CompressedFile.OpenDecompressed(path);
        return ReadImages(stream, path, fix);
    }

    /// <summary>Reads a label file (magic 0x00000801).</summary>
    public static IdxArray ReadLabels(string path, string fix = DataFileException.RefetchFix)
    {
        using var stream = CompressedFile.OpenDecompressed(path);
        return ReadLabels(stream, path, fix);
    }

    /// <param name="stream">Decompressed IDX bytes, read to the end.</param>
    /// <param name="name">The file name used in error messages.</param>
    public static IdxArray ReadImages(Stream stream, string name, string fix = DataFileException.RefetchFix)
    {
        var array = Read(stream, name, IdxArray.ImagesMagic, fix);
        if (array.Dimensions[1] != ImageGeometry.Side || array.Dimensions[2] != ImageGeometry.Side)
            throw new DataFileException(name,
                $"images are {array.Dimensions[1]}x{array.Dimensions[2]}, this tool needs {ImageGeometry.Side}x{ImageGeometry.Side}", fix);
        return array;
    }

    public static IdxArray ReadLabels(Stream stream, string name, string fix = DataFileException.RefetchFix) =>
        Read(stream, name, IdxArray.LabelsMagic, fix);

    private static IdxArray Read(Stream stream, string name, int expectedMagic, string fix)
    {
        try
        {
            return ReadUnchecked(stream, name, expectedMagic, fix);
        }
        catch (InvalidDataException e)
        {
            // GZipStream's way of saying the compressed bytes are damaged.
            throw new DataFileException(name, $"corrupt gzip data ({e.Message})", fix, e);
        }
    }

    private static IdxArray ReadUnchecked(Stream stream, string name, int expectedMagic, string fix)
    {
        int dimensionCount = expectedMagic & 0xff;
        var header = new byte[4 * (1 + dimensionCount)];
        int headerRead = stream.ReadAtLeast(header.AsSpan(0, 4), 4, throwOnEndOfStream: false);
        if (headerRead < 4)
            throw new DataFileException(name, $"only {headerRead} bytes long, too short to be an IDX file", fix);

        int magic = BinaryPrimitives.ReadInt32BigEndian(header);
        if (magic != expectedMagic)
            throw new DataFileException(name, $"magic number 0x{magic:X8} where {Describe(expectedMagic)} has 0x{expectedMagic:X8}; this looks like {Describe(magic)}", fix);

        headerRead += stream.ReadAtLeast(header.AsSpan(4), header.Length - 4, throwOnEndOfStream: false);
        if (headerRead < header.Length)
            throw new DataFileException(name, $"truncated inside the header ({headerRead} of {header.Length} bytes)", fix);

        var dimensions = new int[dimensionCount];
        long dataBytes = 1;
        for (int i = 0; i < dimensionCount; i++)
        {
            uint d = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4 * (i + 1)));
            dataBytes *= d;
            if (dataBytes > MaxDataBytes)
                throw new DataFileException(name, $"header declares more than {MaxDataBytes} bytes of data; the header is corrupt", fix);
            dimensions[i] = (int)d;
        }

        var data = ReadUpTo(stream, (int)dataBytes);
        if (data.Length < dataBytes)
            throw new DataFileException(name,
                $"truncated: the header declares {dimensions[0]} items ({dataBytes} data bytes) but the file holds only {data.Length} data bytes", fix);
        if (stream.ReadByte() != -1)
            throw new DataFileException(name,
                $"has trailing bytes after the {dimensions[0]} items its header declares; it is not the file it claims to be", fix);

        return new IdxArray(dimensions, data);
    }

    /// <summary>
    /// Reads until <paramref name="count"/> bytes or the end of the stream. Grows the buffer as
    /// data arrives so a header that lies about its size cannot make us allocate the lie.
    /// </summary>
    private static byte[] ReadUpTo(Stream stream, int count)
    {
        var buffer = new byte[Math.Min(count, 1 << 20)];
        int filled = 0;
        while (filled < count)
        {
            if (filled == buffer.Length)
                Array.Resize(ref buffer, (int)Math.Min(count, 2L * buffer.Length));
            int n = stream.Read(buffer, filled, buffer.Length - filled);
            if (n == 0) break;
            filled += n;
        }
        return filled == buffer.Length ? buffer : buffer[..filled];
    }

    private static string Describe(int magic) => magic switch
    {
        IdxArray.ImagesMagic => "an IDX image file",
        IdxArray.LabelsMagic => "an IDX label file",
        _ when (magic & ~0xffff) == 0 && (magic >> 8) != IdxArray.UnsignedByteType => "an IDX file of a type other than unsigned bytes",
        _ when (magic & ~0xffff) == 0 => $"an IDX file with {magic & 0xff} dimensions",
        _ => "something other than an IDX file (compressed twice, or an unrelated file?)",
    };
}
