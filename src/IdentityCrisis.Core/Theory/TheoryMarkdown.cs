using System.Globalization;
using System.Text;

namespace IdentityCrisis.Theory;

/// <summary>
/// DIR/theory.md: a section per sweep found in DIR (kernels.json, sigma.json) with its figure and
/// a table of the numbers. Regenerated from the JSON after each sweep, so running both sweeps
/// into one folder gives one report.
/// </summary>
public static class TheoryMarkdown
{
    public static string Write(string dir)
    {
        var path = Path.Combine(dir, "theory.md");
        TheoryFiles.WriteText(path, Render(TheorySweepFiles.TryRead(dir, "kernels"), TheorySweepFiles.TryRead(dir, "sigma")));
        return path;
    }

    public static string Render(TheorySweepResult? kernels, TheorySweepResult? sigma)
    {
        var md = new StringBuilder();
        md.AppendLine("# Single-layer theory: closed forms against trained networks").AppendLine();
        md.AppendLine("Each point trains a depth-1 linear network on x̂ by plain full-batch gradient descent from seeded initial weights, " +
                      "and computes the closed-form GD limit θ∞ (and the exact GD iterate θ_t after the same number of steps) from the same " +
                      "initial weights in float64. MSEs are per pixel, ‖f(x) − x‖²/784, averaged over every probe of every set. " +
                      "The math and the tolerances are in docs/theory.md.").AppendLine();
        if (kernels is null && sigma is null) md.AppendLine("No sweep results in this folder yet: run `icrisis theory kernels` or `icrisis theory sigma`.");
        if (kernels is not null) Kernels(md, kernels);
        if (sigma is not null) Sigma(md, sigma);
        return md.ToString();
    }

    static void Kernels(StringBuilder md, TheorySweepResult sweep)
    {
        md.AppendLine("## Linear CNN: error against kernel size").AppendLine();
        Provenance(md, sweep);
        md.AppendLine("![kernel sweep](kernels.png)").AppendLine();
        bool reference = sweep.Runs.Any(r => r.Float64Gd is not null);
        md.AppendLine("| k | rank P(x̂) / k² | κ(PᵀP) | η | steps | outcome | final loss | MSE measured | MSE θ∞ | MSE θ_t | bound MSE | max abs Δ vs θ∞ | max abs Δ vs θ_t |" +
                      (reference ? " float64 GD vs θ_t | float32 vs float64 GD |" : "") + " bound holds (closed form / trained) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|" + (reference ? "---|---|" : "") + "---|");
        foreach (var r in sweep.Runs)
        {
            var q = r.Quadratic;
            var a = r.All;
            md.AppendLine($"| {r.Kernel} | {q.Rank} / {r.Kernel * r.Kernel} | {G(q.ConditionNumber)} | {G(q.StepSize)} | {r.Training.Steps} | {Outcome(r)} | {G(r.Training.FinalLoss)} | " +
                          $"{G(a.MeasuredMse)} | {G(a.PredictedMse)} | {G(a.IterateMse)} | {G(a.BoundMse)} | {G(a.MaxAbsOutputDiff)} | {G(a.MaxAbsOutputDiffIterate)} | " +
                          (reference ? $"{G(r.Float64Gd?.OutputsVsIterate)} | {G(r.Float64Gd?.TrainedVsFloat64Outputs)} | " : "") +
                          $"{YesNo(a.BoundHoldsPredicted)} / {YesNo(a.BoundHoldsMeasured)} |");
        }
        md.AppendLine();
        var stopped = sweep.Runs.Where(r => !r.Training.Converged).ToList();
        if (stopped.Count == 0) md.AppendLine("Every kernel size converged below the stopping tolerance.");
        else
        {
            md.AppendLine($"**Not converged** (stopped at the step cap with the training loss above the tolerance): k = {string.Join(", ", stopped.Select(r => r.Kernel))}. " +
                          "For these, the trained network is compared with the exact GD iterate θ_t as well as with the limit θ∞:").AppendLine();
            foreach (var r in stopped)
                md.AppendLine($"- k = {r.Kernel}: {r.Training.Steps} steps, loss {G(r.Training.FinalLoss)} (tolerance {G(r.Setup.Config.Training.Tolerance)}); " +
                              $"contraction per step {Contraction(r.Quadratic.ContractionPerStep)}; max abs output distance to θ∞ {G(r.All.MaxAbsOutputDiff)}, " +
                              $"to θ_t {G(r.All.MaxAbsOutputDiffIterate)}; weights to θ∞ {G(r.Weights.TrainedVsLimit)}, to θ_t {G(r.Weights.TrainedVsIterate)}" +
                              (r.Float64Gd is { } g ? $"; GD rerun in float64 is {G(g.OutputsVsIterate)} from θ_t, the float32 network {G(g.TrainedVsFloat64Outputs)} from it." : "."));
        }
        md.AppendLine();
        Failures(md, sweep);
    }

    static void Sigma(StringBuilder md, TheorySweepResult sweep)
    {
        md.AppendLine("## Linear FCN: error against the initial scale σ").AppendLine();
        Provenance(md, sweep);
        md.AppendLine("![sigma sweep](sigma.png)").AppendLine();
        md.AppendLine("Expected MSE: E over W0 ~ N(0, σ²) of ‖f(x) − x‖² = (1 + dσ²)‖Π⊥x‖² with d = 784, divided by 784 to be per pixel " +
                      "(with a bias, Π⊥x becomes x − c x̂, c = (x̂ᵀx + 1)/(‖x̂‖² + 1); docs/theory.md). The closed form and the trained network use one draw of W0.").AppendLine();
        bool reference = sweep.Runs.Any(r => r.Float64Gd is not null);
        md.AppendLine("| σ | dσ² | steps | outcome | final loss | MSE expected | MSE θ∞ | MSE measured | measured / expected | max abs Δ vs θ∞ | decomposition error |" +
                      (reference ? " float64 GD vs θ_t |" : ""));
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|" + (reference ? "---|" : ""));
        foreach (var r in sweep.Runs)
        {
            var a = r.All;
            double dSigma2 = Config.ImageGeometry.Pixels * r.InitSigma * r.InitSigma;
            md.AppendLine($"| {G(r.InitSigma)} | {G(dSigma2)} | {r.Training.Steps} | {Outcome(r)} | {G(r.Training.FinalLoss)} | {G(a.ExpectedMse)} | {G(a.PredictedMse)} | " +
                          $"{G(a.MeasuredMse)} | {G(a.MeasuredMse / a.ExpectedMse)} | {G(a.MaxAbsOutputDiff)} | {G(a.DecompositionMaxAbsError)} |" +
                          (reference ? $" {G(r.Float64Gd?.OutputsVsIterate)} |" : ""));
        }
        md.AppendLine();
        Failures(md, sweep);
    }

    static void Provenance(StringBuilder md, TheorySweepResult sweep)
    {
        var e = sweep.Environment;
        md.AppendLine($"`{sweep.Command}` — build {e.GitCommit}, TorchSharp {e.TorchSharpVersion}, LibTorch {e.LibTorchVersion}, {e.Threads} thread{(e.Threads == 1 ? "" : "s")} on {e.Cpu}, " +
                      $"{sweep.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s in all. Numbers: [{sweep.Sweep}.json]({sweep.Sweep}.json), [{sweep.Sweep}.csv]({sweep.Sweep}.csv).").AppendLine();
    }

    /// <summary>One line per point with failed checks (non-convergence itself is reported above), then what each check means, once.</summary>
    static void Failures(StringBuilder md, TheorySweepResult sweep)
    {
        var failing = sweep.Runs
            .Select(r => (Run: r, Failed: r.Checks.Where(c => !c.Passed && c.Name != "training converged").ToList()))
            .Where(x => x.Failed.Count > 0)
            .ToList();
        if (failing.Count == 0)
        {
            md.AppendLine("Every other check passed on every point.").AppendLine();
            return;
        }
        md.AppendLine("**Failed checks** (value, limit). A run that did not converge is not at θ∞, so it fails the checks about the limit by construction:").AppendLine();
        foreach (var (r, failed) in failing)
            md.AppendLine($"- {Point(sweep, r)}{(r.Training.Converged ? "" : " (not converged)")}: " +
                          string.Join("; ", failed.Select(c => $"{c.Name} {G(c.Value)} ({G(c.Limit)})")));
        md.AppendLine().AppendLine("What these checks are:").AppendLine();
        foreach (var c in failing.SelectMany(x => x.Failed).DistinctBy(c => c.Name))
            md.AppendLine($"- *{c.Name}*: {c.Meaning}.");
        md.AppendLine();
    }

    static string Point(TheorySweepResult sweep, TheoryRunResult r) => sweep.Sweep == "kernels" ? $"k = {r.Kernel}" : $"σ = {G(r.InitSigma)}";

    /// <summary>ρ close to 1 reads as "1" in three digits, hiding exactly what makes GD slow; write it as 1 − (1 − ρ).</summary>
    static string Contraction(double rho) => rho > 0.99 && rho < 1 ? $"1 − {G(1 - rho)}" : G(rho);

    static string Outcome(TheoryRunResult r) => r.Training.Converged ? "converged" : $"**{r.Training.Outcome}**";
    static string YesNo(bool? b) => b is null ? "-" : b.Value ? "yes" : "**no**";
    static string G(double? v) => v is { } x ? x.ToString("G3", CultureInfo.InvariantCulture) : "-";
}
