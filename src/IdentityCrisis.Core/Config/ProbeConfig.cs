namespace IdentityCrisis.Config;

/// <summary>Which probe sets to evaluate the trained function on.</summary>
public sealed record ProbeConfig
{
    public string[] Sets { get; init; } = ["mnist", "fashion", "natural", "noise", "patterns", "mix"];
    /// <summary>Probes drawn from each data-backed set (mnist, fashion, natural, cifar, mix, noise).</summary>
    public int PerSet { get; init; } = 100;
    /// <summary>Seeds which items are drawn and the noise images, independent of the training seed.</summary>
    public int Seed { get; init; } = 1234;
    /// <summary>Baseline-adjusted skill a set needs for the verdict identity or constant (docs/scores.md).</summary>
    public double VerdictThreshold { get; init; } = 0.8;

    public static readonly string[] KnownSets = ["mnist", "fashion", "natural", "cifar", "noise", "patterns", "mix"];

    public IEnumerable<string> Validate(string prefix = "probes")
    {
        if (Sets.Length == 0)
            yield return $"{prefix}.sets is empty; valid: one or more of {string.Join(", ", KnownSets)}";
        foreach (var s in Sets)
            if (!KnownSets.Contains(s))
                yield return $"{prefix}.sets contains unknown set '{s}'; valid: {string.Join(", ", KnownSets)}";
        if (Sets.Distinct().Count() != Sets.Length)
            yield return $"{prefix}.sets lists a set twice";
        if (!(VerdictThreshold > 0 && VerdictThreshold <= 1))
            yield return $"{prefix}.verdictThreshold = {VerdictThreshold} is out of range; valid: (0, 1]";
        if (PerSet < 1 || PerSet > 10000)
            yield return $"{prefix}.perSet = {PerSet} is out of range; valid: 1..10000";
    }
}
