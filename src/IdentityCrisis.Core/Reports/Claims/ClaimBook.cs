namespace IdentityCrisis.Reports.Claims;

/// <summary>The paper's claims in report order, each judged on the sweep that measures it.</summary>
public static class ClaimBook
{
    public static IReadOnlyList<PaperClaim> All { get; } =
    [
        new ShallowCnnsGeneralize(),
        new DeepCnnsMemorize(),
        new SixLayerReluFcnMemorizes(),
        new FcnsMissIdentityFromManyImages(),
        new ChannelsHurtLessThanDepth(),
        new FewChannelsDependOnInit(),
        new LargerKernelsMemorizeSooner(),
        new LinearFcnKeepsComponentAlongTrainImage(),
    ];

    public static IReadOnlyList<ClaimResult> Evaluate(IReadOnlyList<SweepResults> sweeps) =>
        All.Select(c => c.Evaluate(Pick(c.Preset, sweeps))).ToList();

    /// <summary>
    /// The sweep that speaks for a preset: a paper-scale one over a quick one, then the one
    /// with most finished trials (several folders of one preset may be reported together).
    /// </summary>
    public static SweepResults? Pick(string preset, IReadOnlyList<SweepResults> sweeps) =>
        sweeps.Where(s => s.Preset == preset)
              .OrderByDescending(s => s.Spec.Scale == "paper")
              .ThenByDescending(s => s.Trials.Count)
              .FirstOrDefault();
}
