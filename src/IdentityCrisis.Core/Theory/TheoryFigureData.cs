namespace IdentityCrisis.Theory;

/// <summary>The figure columns of a theory run: x̂ first, then probes; the trained and the closed-form outputs of each.</summary>
public sealed record TheoryFigureData(
    IReadOnlyList<string> Labels, IReadOnlyList<float[]> Inputs,
    IReadOnlyList<float[]> Trained, IReadOnlyList<double[]> Predicted);
