using System.Formats.Tar;
using System.IO.Compression;

namespace IdentityCrisis.Data;

/// <summary>
/// A file found in a --from folder or inside an archive. Archive entries are read in one pass,
/// so <see cref="Open"/> is only valid during the visit that received the entry; the visitor
/// reads the stream to its end (a tar reader can then move on) and disposes it.
/// </summary>
/// <param name="Display">How to name it in messages: a path, or "archive!entry".</param>
/// <param name="FileName">Its file name without folders.</param>
/// <param name="LocalPath">The file itself when it is a plain file on disk.</param>
internal sealed record SourceEntry(string Display, string FileName, string? LocalPath, Func<Stream> Open);

/// <summary>Lists the files of a folder (any depth) or of a .tar, .tar.gz, .tgz or .zip archive.</summary>
internal static class SourceEntries
{
    public static bool IsArchive(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        return name.EndsWith(".tar.gz") || name.EndsWith(".tgz") || name.EndsWith(".tar") || name.EndsWith(".zip");
    }

    public static void VisitFolder(string folder, Action<SourceEntry> visit)
    {
        // Sorted so that which of two candidates for the same file wins does not depend on the file system.
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var path in files)
            visit(new SourceEntry(path, Path.GetFileName(path), path, () => CompressedFile.OpenRead(path)));
    }

    public static void VisitArchive(string archive, Action<SourceEntry> visit)
    {
        try
        {
            if (archive.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) VisitZip(archive, visit);
            else VisitTar(archive, visit);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new DataFileException(archive, $"is not a readable archive ({e.Message})",
                "Check that the download is complete, or point --from at the extracted folder");
        }
    }

    private static void VisitTar(string archive, Action<SourceEntry> visit)
    {
        using var file = CompressedFile.OpenRead(archive);
        using var content = CompressedFile.Decompressed(file);
        using var tar = new TarReader(content);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null) continue;
            var data = entry.DataStream;
            visit(new SourceEntry($"{archive}!{entry.Name}", Path.GetFileName(entry.Name), null, () => data));
        }
    }

    private static void VisitZip(string archive, Action<SourceEntry> visit)
    {
        using var zip = ZipFile.OpenRead(archive);
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (entry.FullName.EndsWith('/')) continue;
            visit(new SourceEntry($"{archive}!{entry.FullName}", entry.Name, null, entry.Open));
        }
    }
}
