namespace IdentityCrisis.Theory;

/// <summary>
/// The pass/fail statements of one theory run, derived from its numbers. A run that stopped
/// before converging fails "trained = limit" on purpose: it was not at the limit, and the
/// comparison with the exact GD iterate says whether that is the only reason.
/// </summary>
public static class TheoryChecks
{
    public static IReadOnlyList<TheoryCheck> Evaluate(string kind, double tolerance, TheoryTraining training,
                                                      QuadraticSummary quadratic, SetComparison all, Float64GdComparison? float64Gd = null)
    {
        var checks = new List<TheoryCheck>
        {
            new("training converged", training.FinalLoss, tolerance, training.Converged,
                "plain GD reached a training MSE below the stopping tolerance within the step cap"),
            new("outputs: trained = GD limit", all.MaxAbsOutputDiff, TheoryTolerances.Outputs, all.MaxAbsOutputDiff <= TheoryTolerances.Outputs,
                "max abs pixel difference, over every probe, between the trained network and the closed-form limit θ∞"),
            new("outputs: trained = exact GD iterate", all.MaxAbsOutputDiffIterate, TheoryTolerances.Outputs, all.MaxAbsOutputDiffIterate <= TheoryTolerances.Outputs,
                "max abs pixel difference, over every probe, between the trained network and the exact GD iterate θ_t = θ∞ + (I − ηH)^t (θ0 − θ∞), " +
                "t the steps training took: expected to hold whether or not training converged"),
            new("closed form interpolates x̂", quadratic.PredictedTrainLoss, TheoryTolerances.Float64 * TheoryTolerances.Float64,
                quadratic.PredictedTrainLoss <= TheoryTolerances.Float64 * TheoryTolerances.Float64,
                "training MSE of θ∞ on x̂ (float64)"),
        };
        if (float64Gd is not null)
            checks.Add(new("float64 GD = exact GD iterate", float64Gd.OutputsVsIterate, TheoryTolerances.Float64, float64Gd.OutputsVsIterate <= TheoryTolerances.Float64,
                "max abs output difference, over every probe, between GD rerun in float64 and the exact iterate θ_t: the iterate formula without float32 rounding"));
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
            double excessPredicted = all.BoundExcessPredicted ?? double.NaN, excessMeasured = all.BoundExcessMeasured ?? double.NaN;
            checks.Add(new("bound holds (closed form)", excessPredicted, TheoryTolerances.Float64, all.BoundHoldsPredicted == true,
                "‖f∞(x) − x‖² ≤ B(x) = k²‖x‖²‖Π_N(w0 − δ)‖² (+784‖Π_N(θ0 − θδ)‖² with a bias) on every probe; " +
                "value: the largest excess (‖f(x) − x‖ − √B(x))/28 as a per-pixel RMS, negative when below the bound"));
            checks.Add(new("bound holds (trained)", excessMeasured, TheoryTolerances.Outputs, all.BoundHoldsMeasured == true,
                "the bound ‖f(x) − x‖² ≤ k²‖x‖²‖Π_N(w0 − δ)‖² for the trained network, held to the output tolerance (value: largest excess as a per-pixel RMS); " +
                "the bound is about the limit, so a run that did not converge need not meet it"));
        }
        return checks;
    }
}
