using System.Text.Json.Serialization;
using IdentityCrisis.Config;
using IdentityCrisis.Results;

namespace IdentityCrisis.Theory;

// The numbers `icrisis theory` writes (theory.json; schema in docs/theory.md). Every MSE is per
// pixel, ‖f(x) − x‖² / 784, averaged over the probes of a set, as in the rest of the tool.

/// <summary>What was trained: the run config as used (depth 1, linear, plain GD) and where the step size came from.</summary>
public sealed record TheorySetup(RunConfig Config, string LearningRateRule, TrainImageInfo TrainImage);

public sealed record TheoryTraining(string Outcome, bool Converged, int Steps, double InitialLoss, double FinalLoss, double Seconds);

/// <summary>
/// The quadratic the single layer minimizes, L(θ) = ‖Aθ − x̂‖² / 784, with θ the parameters of
/// one output (FCN: a row [wᵢ bᵢ], A = [x̂ᵀ 1]; CNN: the kernel [w b], A = [P(x̂) 1]; without bias
/// the 1 is dropped). Its Hessian is 2AᵀA/784.
/// </summary>
/// <param name="SingularValueLargestZero">Largest singular value counted as zero (null at full column rank): the gap the rank was cut at.</param>
/// <param name="ConditionNumber">(σ_max / σ_min⁺)², the condition number of AᵀA on its nonzero spectrum.</param>
/// <param name="StepSize">The learning rate used.</param>
/// <param name="ContractionPerStep">max |1 − ηλ| over the nonzero spectrum: the error shrinks at least by this factor per step.</param>
/// <param name="NullComponentNorm">CNN: ‖Π_N(θ0 − θδ)‖₂, the part of the initial kernel GD never moves (0 at full rank).</param>
/// <param name="FormsMaxAbsDiff">CNN: max |θ0 − A⁺(Aθ0 − x̂) − (θδ + Π_N(θ0 − θδ))|: two float64 routes to the same limit.</param>
/// <param name="PredictedTrainLoss">Training loss of the closed-form limit on x̂ (0 up to rounding: the limit interpolates).</param>
public sealed record QuadraticSummary(
    string Matrix, int Rows, int Columns, int Rank, double RankTolerance,
    double SingularValueMax, double SingularValueMinNonzero, double? SingularValueLargestZero,
    double ConditionNumber, double LambdaMax, double LambdaMinNonzero,
    double StepSize, double ContractionPerStep,
    double? NullComponentNorm, double? FormsMaxAbsDiff, double PredictedTrainLoss);

/// <summary>Max abs differences between parameter vectors: trained, closed-form limit θ∞, exact GD iterate θ_t, initial θ0.</summary>
public sealed record WeightComparison(double TrainedVsLimit, double TrainedVsIterate, double IterateVsLimit, double InitialVsLimit);

/// <summary>One probe set: the trained network against the closed form.</summary>
/// <param name="MaxAbsOutputDiff">Max abs over probes and pixels of trained − predicted output, predicted at the limit θ∞.</param>
/// <param name="MaxAbsOutputDiffIterate">The same against the exact GD iterate θ_t after the steps training took.</param>
/// <param name="ExpectedMse">FCN: the MSE's expectation over W0, (1 + dσ²)‖Π⊥x‖²/784 (with bias see docs/theory.md).</param>
/// <param name="DecompositionMaxAbsError">FCN: max abs of f∞(x) − (Π∥x + W0Π⊥x) (with bias the augmented decomposition).</param>
/// <param name="BoundWorstRatioPredicted">CNN: max over probes with a nonzero bound B(x) of ‖f∞(x) − x‖² / B(x); null when every bound is 0.</param>
/// <param name="BoundWorstRatioMeasured">The same for the trained network.</param>
/// <param name="BoundMse">CNN: the bound in MSE units, mean over probes of B(x)/784.</param>
/// <param name="BoundZeroProbes">CNN: probes whose bound is exactly 0 (full rank): there the theory says f(x) = x.</param>
/// <param name="BoundExcessPredicted">CNN: max over probes of (‖f∞(x) − x‖ − √B(x))/28, how far the closed form exceeds the bound, as a per-pixel RMS (negative: below it).</param>
/// <param name="BoundExcessMeasured">The same for the trained network.</param>
/// <param name="BoundHoldsPredicted">CNN: ‖f(x) − x‖ ≤ √B(x) + 28·τ on every probe (excess ≤ τ), τ = 1e-10 for the float64 closed form.</param>
/// <param name="BoundHoldsMeasured">The same for the trained network with τ = 1e-4, the tolerance trained = predicted is held to.</param>
public sealed record SetComparison(
    string Set, int Count,
    double MaxAbsOutputDiff, double MaxAbsOutputDiffIterate,
    double MeasuredMse, double PredictedMse, double IterateMse,
    double? ExpectedMse, double? DecompositionMaxAbsError,
    double? BoundMse, double? BoundWorstRatioPredicted, double? BoundWorstRatioMeasured, int? BoundZeroProbes,
    double? BoundExcessPredicted, double? BoundExcessMeasured, bool? BoundHoldsPredicted, bool? BoundHoldsMeasured);

/// <summary>
/// The same GD in float64 (same network, loss, step size and steps), against the exact iterate θ_t:
/// separates float32 rounding in the trained network from error in the closed form.
/// </summary>
/// <param name="WeightsVsIterate">max |θ_t by float64 GD − θ_t by the closed form|.</param>
/// <param name="OutputsVsIterate">Max abs over every probe pixel of the two θ_t's outputs (both float64).</param>
/// <param name="TrainedVsFloat64Outputs">Max abs over every probe pixel of the float32 trained network − the float64 GD network: float32 drift.</param>
public sealed record Float64GdComparison(int Steps, double Seconds, double WeightsVsIterate, double OutputsVsIterate, double TrainedVsFloat64Outputs);

/// <summary>A pass/fail statement with the number it rests on and the limit it was held to.</summary>
public sealed record TheoryCheck(string Name, double Value, double Limit, bool Passed, string Meaning);

/// <param name="All">Every probe of every set pooled: MSEs weighted by probe, maxima over all.</param>
/// <param name="Float64Gd">Present when the run was asked for the float64 GD reference (--float64-reference).</param>
public sealed record TheoryRunResult(
    int SchemaVersion, string Kind, string Architecture,
    TheorySetup Setup, EnvironmentInfo Environment, TheoryTraining Training,
    QuadraticSummary Quadratic, WeightComparison Weights,
    IReadOnlyList<SetComparison> Sets, SetComparison All,
    IReadOnlyList<TheoryCheck> Checks, Float64GdComparison? Float64Gd = null)
{
    public const int CurrentSchema = 1;
    public bool Passed => Checks.All(c => c.Passed);
    [JsonIgnore] public int Kernel => Setup.Config.Architecture.Kernel;
    [JsonIgnore] public double InitSigma => Setup.Config.Architecture.InitSigma;
}

/// <summary>A sweep of single runs over one setting ("kernels": CNN kernel size; "sigma": FCN init scale).</summary>
public sealed record TheorySweepResult(
    int SchemaVersion, string Sweep, string Command, EnvironmentInfo Environment,
    double TotalSeconds, IReadOnlyList<TheoryRunResult> Runs);
