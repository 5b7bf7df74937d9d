namespace IdentityCrisis.Data;

/// <summary>
/// Temporary files of a fetch: created in the data directory (the same file system as their
/// destination, so the final move is an atomic rename) and named *.partial so nothing reads them.
/// </summary>
internal static class PartialFiles
{
    public static string NewPath(DataDirectory directory)
    {
        System.IO.Directory.CreateDirectory(directory.Root);
        return Path.Combine(directory.Root, $".{Guid.NewGuid():N}{DataDirectory.PartialSuffix}");
    }

    public static void Delete(string? path)
    {
        if (path is null) return;
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Removes partial files a killed fetch left behind.</summary>
    public static void DeleteStale(DataDirectory directory)
    {
        if (!System.IO.Directory.Exists(directory.Root)) return;
        var folders = new[] { directory.Root }.Concat(DatasetSpec.All.Select(directory.FolderOf)).Where(System.IO.Directory.Exists);
        foreach (var folder in folders)
            foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*" + DataDirectory.PartialSuffix))
                Delete(file);
    }
}
