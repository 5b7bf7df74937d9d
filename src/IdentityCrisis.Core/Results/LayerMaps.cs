namespace IdentityCrisis.Results;

/// <summary>
/// Every layer's output for the figure probes: Maps[layer][column]. CNN hidden layers are
/// averaged over channels to one 28x28 map; FCN hidden layers are flat vectors of the
/// layer width. The last layer is the network output.
/// </summary>
public sealed record LayerMaps(IReadOnlyList<string> ColumnLabels, IReadOnlyList<float[]> Inputs, IReadOnlyList<IReadOnlyList<float[]>> Maps);

/// <summary>What a sweep trial produced: the run record and, when asked for, its layer maps.</summary>
public sealed record TrialOutput(RunRecord Record, LayerMaps? Layers);
