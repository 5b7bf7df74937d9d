using IdentityCrisis.Metrics;
using IdentityCrisis.Reports.Analysis;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports.Claims;

/// <summary>(c) Figure 2: a 6-layer ReLU FCN outputs a clean '7' for every input.</summary>
public sealed class SixLayerReluFcnMemorizes : PaperClaim
{
    public override string Id => "c";
    public override string Statement => "A 6-layer ReLU FCN memorizes: it outputs the '7' for every input (constant on every probe set).";
    public override string Preset => "fig2";
    public override string Rule =>
        "Take the FCN trial with depth 6 and ReLU activation. Reproduced: its verdict is constant on every probe set. " +
        "Partly: constant on at least half of them. Not reproduced: fewer.";

    protected override (ClaimVerdict, string) Judge(SweepResults sweep)
    {
        var trial = FcnTrials.Find(sweep, depth: 6, activation: "relu");
        if (trial is null) return NotMeasured($"The {sweep.Name} sweep has no scored 6-layer ReLU FCN.");
        var sets = trial.Sets.Values.ToList();
        int constant = sets.Count(s => s.Verdict == "constant");
        var verdict = sets.Count > 0 && constant == sets.Count ? ClaimVerdict.Reproduced
            : constant * 2 >= sets.Count && constant > 0 ? ClaimVerdict.Partly
            : ClaimVerdict.NotReproduced;
        var measured = $"'{trial.Label}'{trial.OutcomeMark()}: constant on {Fmt.I(constant)} of {Fmt.I(sets.Count)} probe sets; constant skill " +
                       string.Join(", ", sets.Select(s => $"{s.Set} {Fmt.F(s.ConstantSkill)} ({s.Verdict})")) + "." + ConvergenceNote([trial]);
        return (verdict, measured);
    }
}

/// <summary>
/// (h) Theory and Figure 2: a 1-layer linear FCN maps the component of x along x̂ correctly
/// and sends the rest through its random initial weights, so its output is only partly the input.
/// </summary>
public sealed class LinearFcnKeepsComponentAlongTrainImage : PaperClaim
{
    public const double SlopeTolerance = 0.25;

    public override string Id => "h";
    public override string Statement =>
        "A 1-layer linear FCN maps the component of x along x̂ correctly and sends the rest through its random initialization: " +
        "on mnist it is partly the identity, neither identity nor constant.";
    public override string Preset => "fig2";
    public override string Rule =>
        "Take the FCN trial with depth 1 and linear activation. Reproduced: its mnist verdict is other (neither identity nor constant), " +
        "its mean corr(f(x), x) on mnist is above 0 (partial), and the slope of the output's component along x̂ against the input's, " +
        $"fitted over the figure probes, is within {Fmt.F(SlopeTolerance)} of 1. Partly: mnist verdict other but one of the two numbers fails. " +
        "Not reproduced: mnist verdict identity or constant.";

    protected override (ClaimVerdict, string) Judge(SweepResults sweep)
    {
        var trial = FcnTrials.Find(sweep, depth: 1, activation: "linear");
        if (trial is null) return NotMeasured($"The {sweep.Name} sweep has no scored 1-layer linear FCN.");
        if (trial.Set("mnist") is not { } mnist) return NotMeasured($"'{trial.Label}' was not probed on mnist.");
        var along = AlongTrainImage.Of(sweep.Db.LoadFigure(trial.TrialId));
        bool partial = mnist.MeanCorrIdentity > 0;
        bool slopeOk = along is not null && Math.Abs(along.Slope - 1) <= SlopeTolerance;
        var verdict = mnist.Verdict != VerdictRule.Name(Verdict.Other) ? ClaimVerdict.NotReproduced
            : partial && slopeOk ? ClaimVerdict.Reproduced
            : ClaimVerdict.Partly;
        var measured = $"'{trial.Label}'{trial.OutcomeMark()} on mnist: verdict {mnist.Verdict}, mean corr(f(x), x) {Fmt.F(mnist.MeanCorrIdentity)} " +
                       $"(baseline corr(x, x̂) {Fmt.F(mnist.MeanBaseline)}), identity skill {Fmt.F(mnist.IdentitySkill)}, constant skill {Fmt.F(mnist.ConstantSkill)}. " +
                       (along is null ? "No figure probes to fit the component along x̂."
                           : $"Component along x̂: slope {Fmt.F(along.Slope)} (intercept {Fmt.F(along.Intercept)}, r² {Fmt.F(along.RSquared)}, {Fmt.I(along.Probes)} figure probes).") +
                       ConvergenceNote([trial]);
        return (verdict, measured);
    }
}

static class FcnTrials
{
    public static TrialRow? Find(SweepResults sweep, int depth, string activation) =>
        sweep.Trials.FirstOrDefault(t => t.Config.Architecture is { Kind: "fcn" } a && a.Depth == depth && a.Activation == activation && !t.Diverged());
}

/// <summary>(d) Abstract: FCNs do not learn the identity reliably even from 60k training examples.</summary>
public sealed class FcnsMissIdentityFromManyImages : PaperClaim
{
    public const int PaperImages = 60000;

    public override string Id => "d";
    public override string Statement => "FCNs do not learn the identity reliably, even when trained on 60k examples.";
    public override string Preset => "fcn-many";
    public override string Rule =>
        "Take the scored trials at the largest number of training images N (one per network). A network 'learned the identity' when its " +
        $"verdict is identity on every probe set. Reproduced: N >= {PaperImages} and no network learned it. Not reproduced: every network learned it. " +
        $"Partly: some but not all did, or none did but N < {PaperImages}.";

    protected override (ClaimVerdict, string) Judge(SweepResults sweep)
    {
        var scored = sweep.Trials.Where(t => !t.Diverged() && t.Config.Architecture.Kind == "fcn").ToList();
        if (scored.Count == 0) return NotMeasured($"The {sweep.Name} sweep has no scored FCN trial.");
        int n = scored.Max(t => t.Config.Training.TrainImages);
        var atN = scored.Where(t => t.Config.Training.TrainImages == n).ToList();
        var learned = atN.Where(t => t.Sets.Count > 0 && t.Sets.Values.All(s => s.Verdict == "identity")).ToList();
        var verdict = learned.Count == atN.Count ? ClaimVerdict.NotReproduced
            : learned.Count == 0 && n >= PaperImages ? ClaimVerdict.Reproduced
            : ClaimVerdict.Partly;
        var measured = $"At N = {Fmt.I(n)} training images, {Fmt.I(learned.Count)} of {Fmt.I(atN.Count)} networks are identity on every probe set. " +
                       string.Join(" ", atN.Select(t => $"{t.Config.Architecture.Describe()}{t.OutcomeMark()}: identity skill " +
                           string.Join(", ", t.Sets.Values.Select(s => $"{s.Set} {Fmt.F(s.IdentitySkill)}")) + ".")) +
                       (n < PaperImages ? $" The paper's {PaperImages} images are not in this sweep." : "") + ConvergenceNote(atN);
        return (verdict, measured);
    }
}
