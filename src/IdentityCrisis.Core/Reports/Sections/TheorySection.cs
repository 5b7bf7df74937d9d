using IdentityCrisis.Theory;

namespace IdentityCrisis.Reports.Sections;

/// <summary>
/// The single-layer theorems (`icrisis theory kernels | sigma` results) beside the sweeps:
/// the figures and the numbers they are drawn from, read from the theory folder's JSON.
/// </summary>
public static class TheorySection
{
    public static void Build(SectionContext ctx, string dir)
    {
        var kernels = TheorySweepFiles.TryRead(dir, "kernels");
        var sigma = TheorySweepFiles.TryRead(dir, "sigma");
        ctx.Heading(2, "Single-layer theory: closed forms against trained networks");
        if (kernels is null && sigma is null)
        {
            ctx.Paragraph($"No theory results in {dir}: run `icrisis theory kernels --out DIR` and `icrisis theory sigma --out DIR`.");
            return;
        }
        ctx.Paragraph("Each point trains a depth-1 linear network on x̂ by plain gradient descent from seeded weights and compares it with " +
                      "the closed-form gradient-descent limit computed in float64 from the same initial weights (docs/theory.md). " +
                      "MSEs are per pixel, pooled over every probe.");
        if (kernels is not null) Kernels(ctx, kernels);
        if (sigma is not null) Sigma(ctx, sigma);
    }

    static void Kernels(SectionContext ctx, TheorySweepResult sweep)
    {
        ctx.Heading(3, "Linear CNN: test error against kernel size");
        ctx.Figure("theory-kernels", TheoryPlots.Render(sweep),
            $"'{sweep.Command}' at build {sweep.Environment.GitCommit}. Rings: stopped at the step cap before the stopping loss; there the trained network is " +
            "compared with the exact GD iterate θ_t as well as with the limit θ∞.");
        var rows = sweep.Runs.Select(r => new TableRow(
        [
            Fmt.I(r.Kernel), $"{Fmt.I(r.Quadratic.Rank)} / {Fmt.I(r.Kernel * r.Kernel)}", Fmt.G(r.Quadratic.ConditionNumber),
            Fmt.I(r.Training.Steps), r.Training.Converged ? "converged" : "step cap",
            Fmt.G(r.All.MeasuredMse), Fmt.G(r.All.PredictedMse), Fmt.G(r.All.IterateMse), Fmt.G(r.All.MaxAbsOutputDiff),
        ], r.Training.Converged ? RowMark.None : RowMark.Warning)).ToList();
        ctx.Add(new Table(["k", "rank P(x̂) / k²", "κ(PᵀP)", "steps", "outcome", "MSE measured", "MSE at θ∞", "MSE at θ_t", "max abs trained − θ∞"], rows,
            "Below k² = 784 the closed form is the exact identity (MSE 0 at θ∞); from k = 29 P(x̂) has rank 784 < k² and the prediction is no longer the identity."));
    }

    static void Sigma(SectionContext ctx, TheorySweepResult sweep)
    {
        ctx.Heading(3, "Linear FCN: test error against the initial scale σ");
        ctx.Figure("theory-sigma", TheoryPlots.Render(sweep), $"'{sweep.Command}' at build {sweep.Environment.GitCommit}.");
        var rows = sweep.Runs.Select(r => new TableRow(
        [
            Fmt.G(r.InitSigma), Fmt.I(r.Training.Steps), Fmt.G(r.All.ExpectedMse ?? double.NaN), Fmt.G(r.All.PredictedMse), Fmt.G(r.All.MeasuredMse),
            r.All.ExpectedMse is > 0 ? Fmt.G(r.All.MeasuredMse / r.All.ExpectedMse.Value) : "-", Fmt.G(r.All.DecompositionMaxAbsError ?? double.NaN),
        ], r.Training.Converged ? RowMark.None : RowMark.Warning)).ToList();
        ctx.Add(new Table(["σ", "steps", "MSE expected (1 + dσ²)‖Π⊥x‖²/784", "MSE at θ∞", "MSE measured", "measured / expected", "max abs f − (Π∥x + W0Π⊥x)"], rows,
            "One draw of W0 per σ: measured/expected scatters around 1 by the draw's luck (docs/theory.md)."));
    }
}
