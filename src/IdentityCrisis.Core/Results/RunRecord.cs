using IdentityCrisis.Config;
using IdentityCrisis.Metrics;

namespace IdentityCrisis.Results;

/// <summary>Which training image(s) a run used; x̂ is the MNIST training image at <see cref="Index"/>.</summary>
public sealed record TrainImageInfo(int Index, int Label, int Count, string Source);

/// <summary>The figure's columns: labels, inputs and outputs; column 0 is the training image x̂.</summary>
public sealed record FigureData(IReadOnlyList<string> Labels, IReadOnlyList<float[]> Inputs, IReadOnlyList<float[]> Outputs);

/// <summary>Everything a finished run produced, except its weights. Plain data: no LibTorch types.</summary>
public sealed record RunRecord(
    RunConfig Config,
    EnvironmentInfo Environment,
    TrainingResult Training,
    long PeakRssBytes,
    TrainImageInfo TrainImage,
    IReadOnlyList<SetScore> Sets,
    IReadOnlyList<ProbeScore> Probes,
    FigureData Figure)
{
    public SetScore? Set(string name) => Sets.FirstOrDefault(s => s.Set == name);
}
