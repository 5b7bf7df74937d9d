namespace IdentityCrisis.Reports.Claims;

public enum ClaimVerdict { Reproduced, Partly, NotReproduced, NotMeasured }

/// <summary>A claim of the paper beside what our database says about it.</summary>
public sealed record ClaimResult(string Id, string Statement, string Preset, ClaimVerdict Verdict, string Measured, string Rule, SweepResults? Sweep)
{
    /// <summary>Quick-scale sweeps use small networks and few steps: their numbers are no evidence for or against the paper.</summary>
    public bool QuickScale => Sweep?.QuickScale == true;

    public string VerdictText => Name(Verdict) + (QuickScale && Verdict != ClaimVerdict.NotMeasured ? " (quick scale: not the paper's sizes)" : "");

    /// <summary>Plain words on how the numbers stand against the paper, for the measured column.</summary>
    public string Agreement => (Verdict, QuickScale) switch
    {
        (ClaimVerdict.NotReproduced, false) => "Our numbers disagree with the paper here.",
        (ClaimVerdict.Partly, false) => "Our numbers agree with the paper only in part.",
        (ClaimVerdict.NotReproduced or ClaimVerdict.Partly, true) => "The quick-scale numbers differ from the paper's; at these sizes that is no evidence against it.",
        _ => "",
    };

    public static string Name(ClaimVerdict v) => v switch
    {
        ClaimVerdict.Reproduced => "reproduced",
        ClaimVerdict.Partly => "partly",
        ClaimVerdict.NotReproduced => "not reproduced",
        _ => "not measured",
    };
}

/// <summary>
/// One claim and its verdict rule. The rule is stated in words (shown beside the verdict in
/// the report and in docs/report.md) and implemented in <see cref="Judge"/>; nothing about
/// the outcome is fixed in advance.
/// </summary>
public abstract class PaperClaim
{
    public abstract string Id { get; }
    public abstract string Statement { get; }
    /// <summary>The preset whose sweep measures the claim.</summary>
    public abstract string Preset { get; }
    public abstract string Rule { get; }

    protected abstract (ClaimVerdict Verdict, string Measured) Judge(SweepResults sweep);

    public ClaimResult Evaluate(SweepResults? sweep)
    {
        if (sweep is null)
            return new ClaimResult(Id, Statement, Preset, ClaimVerdict.NotMeasured, $"No {Preset} sweep among the reported folders.", Rule, null);
        var (verdict, measured) = Judge(sweep);
        return new ClaimResult(Id, Statement, Preset, verdict, measured, Rule, sweep);
    }

    protected static (ClaimVerdict, string) NotMeasured(string why) => (ClaimVerdict.NotMeasured, why);

    /// <summary>"; 3 of these trials did not converge" when some did not, else "".</summary>
    protected static string ConvergenceNote(IEnumerable<Storage.TrialRow> trials)
    {
        int n = trials.Count(t => t.NotConverged());
        return n == 0 ? "" : $" {Fmt.I(n)} of these trials did not reach the stopping loss (max steps).";
    }
}
