using System.IO.Compression;

namespace IdentityCrisis.Data;

/// <summary>
/// Opens dataset files that may or may not be gzipped. The format is told by the first two
/// bytes (the gzip magic 1f 8b), not by the name, because mirrors rename and re-compress freely.
/// </summary>
public static class CompressedFile
{
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    /// <summary>Opens <paramref name="path"/> for reading, decompressing it when it is gzip.</summary>
    public static Stream OpenDecompressed(string path)
    {
        var file = OpenRead(path);
        return Decompressed(file);
    }

    /// <summary>Wraps a seekable stream in a GZipStream when its content is gzip; takes ownership.</summary>
    public static Stream Decompressed(Stream stream)
    {
        Span<byte> head = stackalloc byte[2];
        int n = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        stream.Seek(-n, SeekOrigin.Current);
        return IsGzip(head[..n]) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    public static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFileException(path, "file not found", DataFileException.RefetchFix, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, $"cannot be opened ({e.Message})", "Check the path and its permissions", e);
        }
    }
}
