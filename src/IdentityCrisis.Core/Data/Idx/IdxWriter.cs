using System.IO.Compression;

namespace IdentityCrisis.Data;

/// <summary>Writes IDX files, raw or as reproducible gzip (for the embedded pack and for tests).</summary>
public static class IdxWriter
{
    /// <summary>The whole file: header then data.</summary>
    public static byte[] ToBytes(IdxArray array)
    {
        var header = array.HeaderBytes();
        var bytes = new byte[header.Length + array.Data.Length];
        header.CopyTo(bytes, 0);
        array.Data.CopyTo(bytes, header.Length);
        return bytes;
    }

    public static void Write(string path, IdxArray array) => File.WriteAllBytes(path, ToBytes(array));

    public static void WriteGzip(string path, IdxArray array) => File.WriteAllBytes(path, Gzip(ToBytes(array)));

    /// <summary>
    /// Gzip with a fixed header: .NET's GZipStream writes modification time 0 and no file name,
    /// so the same input and runtime give the same bytes, which keeps the committed pack stable.
    /// </summary>
    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(content);
        return output.ToArray();
    }
}
