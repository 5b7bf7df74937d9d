namespace IdentityCrisis.Results;

public enum TrainingOutcome { Converged, MaxSteps, Diverged }

/// <summary>A point of the loss curve: the training MSE before update <see cref="Step"/>.</summary>
public readonly record struct LossPoint(int Step, double Loss);

public sealed record TrainingResult
{
    public required TrainingOutcome Outcome { get; init; }
    /// <summary>Parameter updates performed.</summary>
    public required int Steps { get; init; }
    /// <summary>Training MSE of the final weights (over all training images).</summary>
    public required double FinalLoss { get; init; }
    /// <summary>Step at which the loss became NaN or infinite, or null.</summary>
    public int? DivergedAtStep { get; init; }
    public required IReadOnlyList<LossPoint> LossCurve { get; init; }
    public required double Seconds { get; init; }
}
