namespace IdentityCrisis.Data;

/// <summary>
/// A data file that cannot be used: missing, truncated, corrupt or not the file it claims to be.
/// The message always names the file, the problem and what to do about it, because the
/// person reading it is usually at a shell prompt, not in a debugger.
/// </summary>
public sealed class DataFileException : Exception
{
    /// <summary>The file (or URL, or archive entry) the problem is about.</summary>
    public string File { get; }

    public DataFileException(string file, string problem, string fix, Exception? inner = null)
        : base($"{file}: {problem}. {fix}", inner)
    {
        File = file;
    }

    /// <summary>The fix to suggest when a dataset file is damaged and no better advice is known.</summary>
    public const string RefetchFix =
        "Replace it with the official file: re-run `icrisis data fetch` (or `icrisis data fetch --from DIR` offline)";
}
