namespace IdentityCrisis.Reports.Diagnostics;

/// <summary>
/// What this process has loaded: managed assemblies and native shared libraries (from
/// /proc/self/maps on Linux). Lets a test prove that rendering a report never pulls in
/// TorchSharp or LibTorch, which would make reports impossible on machines without them.
/// </summary>
public static class LoadedModules
{
    /// <summary>Set to 1 to have the report command print this list when it finishes.</summary>
    public const string EnvironmentVariable = "ICRISIS_DEBUG_LOADED";

    public static IReadOnlyList<string> Assemblies() =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> NativeLibraries()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps)) return [];
        return File.ReadLines(maps)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= 6 && p[5].Contains(".so"))
            .Select(p => p[5]).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public static void Write(TextWriter output)
    {
        foreach (var a in Assemblies()) output.WriteLine($"loaded assembly: {a}");
        foreach (var n in NativeLibraries()) output.WriteLine($"loaded native: {n}");
    }
}
