namespace IdentityCrisis.Metrics;

/// <summary>
/// How one output f(x) relates to its input x (identity) and to the training image x̂ (constant).
/// Baseline = corr(x, x̂): what either stereotype would already score against the other.
/// </summary>
public sealed record ProbeScore(
    string Set, string Name,
    double CorrIdentity, double CorrConstant,
    double MseIdentity, double MseConstant,
    double Baseline)
{
    /// <summary>Fraction of the way from the constant function (0) to the identity (1); NaN when x ≈ x̂.</summary>
    public double IdentitySkill => Skill(CorrIdentity, Baseline);
    /// <summary>Fraction of the way from the identity (0) to the constant function (1); NaN when x ≈ x̂.</summary>
    public double ConstantSkill => Skill(CorrConstant, Baseline);

    /// <summary>Probes that look like x̂ (baseline above this) cannot tell the two stereotypes apart.</summary>
    public const double MaxInformativeBaseline = 0.9;

    static double Skill(double corr, double baseline) =>
        baseline > MaxInformativeBaseline ? double.NaN : (corr - baseline) / (1 - baseline);
}

/// <summary>Averages of <see cref="ProbeScore"/> over one probe set, and its verdict.</summary>
public sealed record SetScore(
    string Set, int Count,
    double MeanCorrIdentity, double MeanCorrConstant,
    double MeanMseIdentity, double MeanMseConstant,
    double MeanBaseline,
    double IdentitySkill, double ConstantSkill,
    int InformativeCount,
    Verdict Verdict);

public static class Scoring
{
    public static ProbeScore Score(string set, string name, float[] input, float[] output, float[] trainImage) => new(
        set, name,
        Statistics.Pearson(output, input), Statistics.Pearson(output, trainImage),
        Statistics.Mse(output, input), Statistics.Mse(output, trainImage),
        Statistics.Pearson(input, trainImage));

    public static SetScore Summarize(string set, IReadOnlyList<ProbeScore> probes, VerdictRule rule)
    {
        var informative = probes.Where(p => !double.IsNaN(p.IdentitySkill)).ToList();
        double idSkill = Statistics.Mean(informative.Select(p => p.IdentitySkill));
        double constSkill = Statistics.Mean(informative.Select(p => p.ConstantSkill));
        return new SetScore(set, probes.Count,
            Statistics.Mean(probes.Select(p => p.CorrIdentity)),
            Statistics.Mean(probes.Select(p => p.CorrConstant)),
            Statistics.Mean(probes.Select(p => p.MseIdentity)),
            Statistics.Mean(probes.Select(p => p.MseConstant)),
            Statistics.Mean(probes.Select(p => p.Baseline)),
            idSkill, constSkill, informative.Count,
            rule.Decide(idSkill, constSkill));
    }
}
