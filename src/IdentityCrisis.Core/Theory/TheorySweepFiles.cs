using System.Globalization;
using System.Text;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Theory;

/// <summary>
/// A sweep's files in its folder: NAME.json (<see cref="TheorySweepResult"/>, every run in full),
/// NAME.csv (one row per run, pooled over all probes) and NAME.png (<see cref="TheoryPlots"/>).
/// </summary>
public static class TheorySweepFiles
{
    public static void Write(string dir, TheorySweepResult sweep)
    {
        Directory.CreateDirectory(dir);
        TheoryFiles.WriteText(Path.Combine(dir, sweep.Sweep + ".json"), ResultJson.Serialize(sweep));
        TheoryFiles.WriteText(Path.Combine(dir, sweep.Sweep + ".csv"), Csv(sweep));
        TheoryFiles.WriteBytes(Path.Combine(dir, sweep.Sweep + ".png"), TheoryPlots.Render(sweep));
    }

    public static TheorySweepResult? TryRead(string dir, string sweep)
    {
        var path = Path.Combine(dir, sweep + ".json");
        return File.Exists(path) ? ResultJson.Deserialize<TheorySweepResult>(File.ReadAllText(path)) : null;
    }

    static readonly string[] Columns =
    [
        "parameters", "rank", "rank_tolerance", "sigma_max", "sigma_min_nonzero", "sigma_largest_zero", "condition_number",
        "step_size", "contraction_per_step", "null_component_norm", "forms_max_abs_diff",
        "outcome", "steps", "initial_loss", "final_loss", "seconds",
        "mse_measured", "mse_closed_form", "mse_gd_iterate", "mse_expected",
        "max_abs_diff_closed_form", "max_abs_diff_gd_iterate", "weights_trained_vs_limit", "weights_trained_vs_iterate",
        "decomposition_max_abs_error", "bound_mse", "bound_worst_ratio_closed_form", "bound_worst_ratio_trained",
        "bound_excess_closed_form", "bound_excess_trained", "bound_holds_closed_form", "bound_holds_trained",
        "float64_gd_vs_iterate_outputs", "float32_vs_float64_gd_outputs",
        "all_checks_passed",
    ];

    public static string Csv(TheorySweepResult sweep)
    {
        var sb = new StringBuilder(sweep.Sweep == "kernels" ? "kernel" : "sigma");
        foreach (var c in Columns) sb.Append(',').Append(c);
        sb.Append('\n');
        foreach (var r in sweep.Runs)
        {
            var q = r.Quadratic;
            var a = r.All;
            object?[] row =
            [
                sweep.Sweep == "kernels" ? r.Kernel : r.InitSigma,
                q.Columns, q.Rank, q.RankTolerance, q.SingularValueMax, q.SingularValueMinNonzero, q.SingularValueLargestZero, q.ConditionNumber,
                q.StepSize, q.ContractionPerStep, q.NullComponentNorm, q.FormsMaxAbsDiff,
                r.Training.Outcome, r.Training.Steps, r.Training.InitialLoss, r.Training.FinalLoss, r.Training.Seconds,
                a.MeasuredMse, a.PredictedMse, a.IterateMse, a.ExpectedMse,
                a.MaxAbsOutputDiff, a.MaxAbsOutputDiffIterate, r.Weights.TrainedVsLimit, r.Weights.TrainedVsIterate,
                a.DecompositionMaxAbsError, a.BoundMse, a.BoundWorstRatioPredicted, a.BoundWorstRatioMeasured,
                a.BoundExcessPredicted, a.BoundExcessMeasured, a.BoundHoldsPredicted, a.BoundHoldsMeasured,
                r.Float64Gd?.OutputsVsIterate, r.Float64Gd?.TrainedVsFloat64Outputs,
                r.Passed,
            ];
            sb.AppendJoin(',', row.Select(Format)).Append('\n');
        }
        return sb.ToString();
    }

    static string Format(object? v) => v switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
