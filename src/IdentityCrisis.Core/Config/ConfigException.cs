namespace IdentityCrisis.Config;

/// <summary>A configuration that cannot run; the message lists every problem and the valid values.</summary>
public sealed class ConfigException(IReadOnlyList<string> errors)
    : Exception("Invalid configuration:\n  - " + string.Join("\n  - ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;

    public ConfigException(string error) : this([error]) { }
}
