namespace IdentityCrisis.Probes;

/// <summary>One test input: a 28x28 image (row-major, [0,1]) with the set it belongs to and a name that says where it came from.</summary>
public sealed record Probe(string Set, string Name, float[] Pixels);

/// <summary>A named list of probes, scored together.</summary>
public sealed record ProbeSet(string Name, string Description, IReadOnlyList<Probe> Probes);
