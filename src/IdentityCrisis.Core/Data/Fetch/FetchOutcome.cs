namespace IdentityCrisis.Data;

public enum FetchStatus
{
    /// <summary>Every file verified and moved into the cache.</summary>
    Installed,
    /// <summary>Nothing of this dataset was found in a --from source it was not explicitly asked for.</summary>
    NotFound,
    /// <summary>A file was missing, corrupt or could not be downloaded; the cache is unchanged.</summary>
    Failed,
}

/// <summary>What a fetch did for one dataset, with a message meant for the user.</summary>
public sealed record FetchOutcome(DatasetSpec Dataset, FetchStatus Status, string Message);
