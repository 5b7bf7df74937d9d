namespace IdentityCrisis.Config;

/// <summary>One training run: network, training and probing. Serialized whole into every run folder.</summary>
public sealed record RunConfig
{
    public string Name { get; init; } = "";
    public ArchitectureConfig Architecture { get; init; } = new();
    public TrainingConfig Training { get; init; } = new();
    public ProbeConfig Probes { get; init; } = new();
    /// <summary>Folder of fetched datasets (see `data fetch`); empty = default cache, then the embedded pack.</summary>
    public string DataDir { get; init; } = "";

    public IReadOnlyList<string> Validate() =>
        [.. Architecture.Validate(), .. Training.Validate(), .. Probes.Validate()];

    /// <summary>Throws a <see cref="ConfigException"/> naming every invalid setting.</summary>
    public RunConfig EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new ConfigException(errors);
        return this;
    }

    public string DisplayName => string.IsNullOrEmpty(Name) ? Architecture.Describe() : Name;
}
