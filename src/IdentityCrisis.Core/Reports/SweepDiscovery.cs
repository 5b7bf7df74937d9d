using IdentityCrisis.Config;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports;

/// <summary>Turns the report's arguments into sweep folders: a folder with results.sqlite, or a parent of several.</summary>
public static class SweepDiscovery
{
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var found = new List<string>();
        var errors = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full) && Path.GetFileName(full) == ResultsDb.FileName) { found.Add(Path.GetDirectoryName(full)!); continue; }
            if (!Directory.Exists(full)) { errors.Add($"'{path}' does not exist"); continue; }
            if (File.Exists(Path.Combine(full, ResultsDb.FileName))) { found.Add(full); continue; }
            // Two levels cover sweeps/<name>/ and sweeps/<scale>/<name>/ layouts without crawling a whole disk.
            var children = Directory.EnumerateFiles(full, ResultsDb.FileName, new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2 })
                .Select(f => Path.GetDirectoryName(f)!).Order(StringComparer.Ordinal).ToList();
            if (children.Count == 0) errors.Add($"'{path}' holds no {ResultsDb.FileName}, neither directly nor in its subfolders; run `icrisis sweep run --out {path}` first");
            found.AddRange(children);
        }
        if (errors.Count > 0) throw new ConfigException(errors);
        return found.Distinct().ToList();
    }
}
