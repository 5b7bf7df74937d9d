using IdentityCrisis.Metrics;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports;

/// <summary>Facts about a stored trial that every section and claim rule reads the same way.</summary>
public static class TrialFacts
{
    /// <summary>
    /// The probe sets of natural handwriting and objects. The paper's generalization claims
    /// are about these; noise and patterns are harder and reported separately.
    /// </summary>
    public static readonly string[] NaturalSets = ["mnist", "fashion"];

    public static bool Converged(this TrialRow t) => t.Outcome == "converged";

    /// <summary>The loss became NaN or infinite: its scores describe broken weights and are left out of every claim.</summary>
    public static bool Diverged(this TrialRow t) => t.Outcome == "diverged" || t.DivergedAtStep is not null;

    /// <summary>Evaluated at its initialization on purpose (maxSteps 0, the Figure 4 control): not a failed training run.</summary>
    public static bool Untrained(this TrialRow t) => t.Config.Training.MaxSteps == 0 && !t.Diverged();

    /// <summary>Stopped at max steps before reaching the stopping loss: scored as it is, but flagged.</summary>
    public static bool NotConverged(this TrialRow t) => !t.Converged() && !t.Diverged() && !t.Untrained();

    /// <summary>A visible mark for trials that did not reach the stopping loss ("" when they did).</summary>
    public static string OutcomeMark(this TrialRow t) =>
        t.Diverged() ? " [DIVERGED]" : t.NotConverged() ? " [not converged]" : "";

    /// <summary>The outcome as a table cell; a training run that failed to converge is flagged with "!".</summary>
    public static string OutcomeCell(this TrialRow t) =>
        t.Diverged() ? $"! diverged{(t.DivergedAtStep is { } s ? $" at step {Fmt.I(s)}" : "")}"
        : t.Untrained() ? "untrained (max steps 0)"
        : t.Converged() ? "converged" : $"! {t.Outcome}";

    public static string Verdict(this TrialRow t, string set) => t.Set(set)?.Verdict ?? "n/a";

    public static bool Is(this TrialRow t, string set, Verdict v) => t.Set(set)?.Verdict == VerdictRule.Name(v);

    /// <summary>Mean of a score over the natural sets the trial has (NaN when it has none or a score is undefined).</summary>
    public static double NaturalMean(this TrialRow t, Func<SetScoreRow, double> score)
    {
        var values = NaturalSets.Select(t.Set).OfType<SetScoreRow>().Select(score).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    public static string[] NaturalSetsOf(this TrialRow t) => NaturalSets.Where(s => t.Set(s) is not null).ToArray();

    /// <summary>One letter per probe set in stored order: I identity, C constant, o other, ? no score.</summary>
    public static string VerdictLetters(this TrialRow t, IReadOnlyList<string> sets) =>
        string.Concat(sets.Select(s => t.Set(s)?.Verdict switch { "identity" => "I", "constant" => "C", "other" => "o", _ => "?" }));
}
