using IdentityCrisis.Config;

namespace IdentityCrisis.Architectures;

/// <summary>
/// Name -> factory. Tests iterate <see cref="Names"/>, so a new architecture registered
/// here is shape- and training-tested without writing a new test.
/// </summary>
public static class ArchitectureRegistry
{
    private static readonly Dictionary<string, Func<ArchitectureConfig, ImageNetwork>> Factories = new()
    {
        ["fcn"] = c => new FullyConnectedNetwork(c),
        ["cnn"] = c => new ConvolutionalNetwork(c),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <summary>Validates the config, builds the network and applies the configured initialization.</summary>
    public static ImageNetwork Create(ArchitectureConfig config)
    {
        var errors = config.Validate().ToList();
        if (errors.Count > 0) throw new ConfigException(errors);
        if (!Factories.TryGetValue(config.Kind, out var factory))
            throw new ConfigException($"architecture.kind = '{config.Kind}' is not registered; valid: {string.Join(", ", Names)}");
        var network = factory(config);
        Initialization.Apply(network, config);
        return network;
    }
}
