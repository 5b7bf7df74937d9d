namespace IdentityCrisis.Theory;

/// <summary>
/// The pass/fail statements of one theory run, derived from its numbers. A run that stopped
/// before converging fails "trained = limit" on purpose: it was not at the limit, and the
/// comparison with the exact GD iterate says whether that is the only reason.
/// </summary>
public static class TheoryChecks
{
    public static IReadOnlyList<TheoryCheck> Evaluate(string kind, double tolerance, TheoryTraining training,
                                                      QuadraticSummary quadratic, SetComparison all)
    {
        var checks = new List<TheoryCheck>
        {
            new("training converged", training.FinalLoss, tolerance, training.Converged,
                "plain GD reached a training MSE below the stopping tolerance within the step cap"),
            new("outputs: trained = GD limit", all.MaxAbsOutputDiff, TheoryTolerances.Outputs, all.MaxAbsOutputDiff <= TheoryTolerances.Outputs,
                "max abs pixel difference, over every probe, between the trained network and the closed-form limit θ∞"),
            new("outputs: trained = exact GD iterate", all.MaxAbsOutputDiffIterate, TheoryTolerances.Outputs, all.MaxAbsOutputDiffIterate <= TheoryTolerances.Outputs,
                "the same against θ_t = θ∞ + (I − ηH)^t (θ0 − θ∞), t the steps training took: holds whether or not training converged"),
            new("closed form interpolates x̂", quadratic.PredictedTrainLoss, TheoryTolerances.Float64 * TheoryTolerances.Float64,
                quadratic.PredictedTrainLoss <= TheoryTolerances.Float64 * TheoryTolerances.Float64,
                "training MSE of θ∞ on x̂ (float64)"),
        };
        if (kind == "fcn")
        {
            double error = all.DecompositionMaxAbsError ?? double.NaN;
            checks.Add(new("f(x) = Π∥x + W0Π⊥x", error, TheoryTolerances.Float64, error <= TheoryTolerances.Float64,
                "max abs difference between W∞x and the decomposition computed from W0 and x̂ alone (with a bias: the augmented form)"));
        }
        else
        {
            double forms = quadratic.FormsMaxAbsDiff ?? double.NaN;
            checks.Add(new("w0 − P⁺(Pw0 − x̂) = δ + Π_N(w0 − δ)", forms, TheoryTolerances.Float64, forms <= TheoryTolerances.Float64,
                "max abs difference of the pseudo-inverse limit and the null-space form of the paper"));
            checks.Add(new("bound holds (closed form)", all.BoundWorstRatioPredicted ?? 0, 1, all.BoundHoldsPredicted == true,
                "‖f∞(x) − x‖ ≤ √B(x) + 28·1e-10 on every probe; value: worst ‖f∞(x) − x‖²/B(x) over probes with B(x) > 0 (0 when every B is 0)"));
            checks.Add(new("bound holds (trained)", all.BoundWorstRatioMeasured ?? 0, 1, all.BoundHoldsMeasured == true,
                "‖f(x) − x‖ ≤ √B(x) + 28·1e-4 on every probe for the trained network; value as above"));
        }
        return checks;
    }
}
