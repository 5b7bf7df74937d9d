using IdentityCrisis.Reports.Analysis;

namespace IdentityCrisis.Reports.Claims;

/// <summary>Identity skill averaged over mnist and fashion, per trial: the score the grid claims compare.</summary>
static class GridScores
{
    public static SeedGrid Identity(SweepResults s) => SeedGrid.Build(s, t => t.NaturalMean(r => r.IdentitySkill));
    public static SeedGrid Constant(SweepResults s) => SeedGrid.Build(s, t => t.NaturalMean(r => r.ConstantSkill));

    /// <summary>Mean of the finite values, NaN when none.</summary>
    public static double Mean(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToList();
        return v.Count == 0 ? double.NaN : v.Average();
    }

    public static string Label(AxisInfo? axis, int index) => axis is null ? "" : $"{axis.Name} {axis.Points[index].Short}";
}

/// <summary>(e) More channels hurt far less than more depth.</summary>
public sealed class ChannelsHurtLessThanDepth : PaperClaim
{
    public const double ClearDepthEffect = 0.1;

    public override string Id => "e";
    public override string Statement => "More channels hurt generalization far less than more depth.";
    public override string Preset => "channels";
    public override string Rule =>
        "Score = identity skill averaged over mnist and fashion, then over seeds. Depth effect = mean over channel counts of " +
        "(score at the shallowest depth - score at the deepest); channel effect = mean over depths of (score at the fewest channels - score at the most). " +
        $"Reproduced: depth effect >= {Fmt.F(ClearDepthEffect)} and channel effect <= half the depth effect. Not reproduced: channel effect >= depth effect. Partly: otherwise.";

    protected override (ClaimVerdict, string) Judge(SweepResults sweep)
    {
        var g = GridScores.Identity(sweep);
        if (g.ColumnAxis is null || g.RowOrder.Count < 2 || g.ColumnOrder.Count < 2)
            return NotMeasured($"The {sweep.Name} sweep needs at least two depths and two channel counts.");
        var rows = g.RowOrder; var cols = g.ColumnOrder;
        double depthEffect = GridScores.Mean(cols.Select(c => g.Cells[rows[0], c].Mean - g.Cells[rows[^1], c].Mean));
        double channelEffect = GridScores.Mean(rows.Select(r => g.Cells[r, cols[0]].Mean - g.Cells[r, cols[^1]].Mean));
        if (double.IsNaN(depthEffect) || double.IsNaN(channelEffect)) return NotMeasured("Too few scored cells to compare depth and channels.");
        var verdict = depthEffect >= ClearDepthEffect && channelEffect <= depthEffect / 2 ? ClaimVerdict.Reproduced
            : channelEffect >= depthEffect ? ClaimVerdict.NotReproduced
            : ClaimVerdict.Partly;
        var measured = $"Going from {GridScores.Label(g.RowAxis, rows[0])} to {GridScores.Label(g.RowAxis, rows[^1])} changes the identity skill by {Fmt.F(-depthEffect)} " +
                       $"(mean over channel counts); going from {GridScores.Label(g.ColumnAxis, cols[0])} to {GridScores.Label(g.ColumnAxis, cols[^1])} changes it by " +
                       $"{Fmt.F(-channelEffect)} (mean over depths). Depth effect {Fmt.F(depthEffect)}, channel effect {Fmt.F(channelEffect)}." + ConvergenceNote(sweep.Trials);
        return (verdict, measured);
    }
}

/// <summary>(f) With few channels the outcome depends on the random initialization.</summary>
public sealed class FewChannelsDependOnInit : PaperClaim
{
    public const double ClearSpread = 0.1;

    public override string Id => "f";
    public override string Statement => "With few channels the outcome depends on the random initialization.";
    public override string Preset => "channels";
    public override string Rule =>
        "Spread of a cell = max - min over seeds of the identity skill (mean of mnist and fashion). S_few = mean spread over depths at the fewest channels, " +
        $"S_many = the same at the most channels. Reproduced: S_few >= 2 x S_many and S_few >= {Fmt.F(ClearSpread)}. Partly: S_few > S_many. Not reproduced: otherwise. " +
        "Needs at least two seeds per cell.";

    protected override (ClaimVerdict, string) Judge(SweepResults sweep)
    {
        var g = GridScores.Identity(sweep);
        if (g.ColumnAxis is null || g.ColumnOrder.Count < 2) return NotMeasured($"The {sweep.Name} sweep needs at least two channel counts.");
        if (g.SeedsPerCell < 2) return NotMeasured($"The {sweep.Name} sweep has one seed per cell; the spread over seeds needs two or more.");
        var rows = g.RowOrder; var cols = g.ColumnOrder;
        double few = GridScores.Mean(rows.Select(r => g.Cells[r, cols[0]].Spread));
        double many = GridScores.Mean(rows.Select(r => g.Cells[r, cols[^1]].Spread));
        if (double.IsNaN(few) || double.IsNaN(many)) return NotMeasured("Too few cells with two or more scored seeds.");
        int Split(int c) => rows.Count(r => g.Cells[r, c].Trials.Where(t => !t.Diverged()).Select(t => t.Verdict("mnist")).Distinct().Count() > 1);
        var verdict = few >= 2 * many && few >= ClearSpread ? ClaimVerdict.Reproduced
            : few > many ? ClaimVerdict.Partly
            : ClaimVerdict.NotReproduced;
        var measured = $"Mean spread over seeds of the identity skill: {Fmt.F(few)} at {GridScores.Label(g.ColumnAxis, cols[0])}, {Fmt.F(many)} at " +
                       $"{GridScores.Label(g.ColumnAxis, cols[^1])} ({Fmt.I(g.SeedsPerCell)} seeds per cell). Depths where the seeds disagree on the mnist verdict: " +
                       $"{Fmt.I(Split(cols[0]))} of {Fmt.I(rows.Count)} at the fewest channels, {Fmt.I(Split(cols[^1]))} at the most." + ConvergenceNote(sweep.Trials);
        return (verdict, measured);
    }
}
