namespace IdentityCrisis.Metrics;

public enum Verdict { Identity, Constant, Other }

/// <summary>
/// Decides identity / constant / other from baseline-adjusted skills (see docs/scores.md).
/// Raw correlations mislead: an MNIST test digit already correlates about 0.3 with the
/// training '7', so a network that outputs the '7' for every digit still scores 0.3
/// "identity correlation". The skill (corr - baseline) / (1 - baseline) removes that:
/// 1 for the exact stereotype, 0 for the other one, whatever the baseline.
/// </summary>
public sealed record VerdictRule(double Threshold = 0.8)
{
    public Verdict Decide(double identitySkill, double constantSkill)
    {
        bool id = identitySkill >= Threshold, constant = constantSkill >= Threshold;
        if (id && !constant) return Verdict.Identity;
        if (constant && !id) return Verdict.Constant;
        return Verdict.Other;
    }

    public static string Name(Verdict v) => v switch
    {
        Verdict.Identity => "identity",
        Verdict.Constant => "constant",
        _ => "other",
    };
}
