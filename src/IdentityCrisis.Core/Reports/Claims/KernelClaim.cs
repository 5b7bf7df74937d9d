using IdentityCrisis.Reports.Analysis;

namespace IdentityCrisis.Reports.Claims;

/// <summary>(g) Larger kernels are expected to memorize at smaller depth.</summary>
public sealed class LargerKernelsMemorizeSooner : PaperClaim
{
    public const double ClearDrop = 0.05;

    public override string Id => "g";
    public override string Statement => "Larger kernels memorize at smaller depth.";
    public override string Preset => "kernels";
    public override string Rule =>
        "For each kernel size k, M(k) = the smallest depth whose constant skill exceeds its identity skill (both averaged over mnist and fashion, then seeds); " +
        "infinite when no depth does. Reproduced: M(largest k) < M(smallest k) and M never increases with k. " +
        $"Partly: M(largest k) < M(smallest k) but not monotone; or M equal and the identity skill averaged over depths is at least {Fmt.F(ClearDrop)} lower at the largest k. " +
        "Not reproduced: otherwise.";

    protected override (ClaimVerdict, string) Judge(SweepResults sweep)
    {
        var id = GridScores.Identity(sweep);
        var constant = GridScores.Constant(sweep);
        if (id.ColumnAxis is null || id.ColumnOrder.Count < 2) return NotMeasured($"The {sweep.Name} sweep needs at least two kernel sizes.");
        var rows = id.RowOrder; var cols = id.ColumnOrder;
        if (!cols.Any(c => id.Column(c).Any(cell => double.IsFinite(cell.Mean))))
            return NotMeasured($"The {sweep.Name} sweep has no scored trial.");
        int? FirstMemorizing(int c)
        {
            foreach (var r in rows)
                if (constant.Cells[r, c].Mean > id.Cells[r, c].Mean) return r;
            return null;
        }
        // Row positions in depth order; "never" ranks after every depth.
        var m = cols.Select(c => FirstMemorizing(c) is { } r ? rows.ToList().IndexOf(r) : int.MaxValue).ToList();
        bool earlier = m[^1] < m[0];
        bool monotone = m.Zip(m.Skip(1)).All(p => p.Second <= p.First);
        double meanSmall = GridScores.Mean(id.Column(cols[0]).Select(cell => cell.Mean));
        double meanLarge = GridScores.Mean(id.Column(cols[^1]).Select(cell => cell.Mean));
        var verdict = earlier && monotone ? ClaimVerdict.Reproduced
            : earlier || (m[^1] == m[0] && meanLarge <= meanSmall - ClearDrop) ? ClaimVerdict.Partly
            : ClaimVerdict.NotReproduced;
        string Depth(int pos) => pos == int.MaxValue ? "none up to the deepest" : GridScores.Label(id.RowAxis, rows[pos]);
        var measured = "First depth that leans to the '7': " +
                       string.Join("; ", cols.Select((c, i) => $"{GridScores.Label(id.ColumnAxis, c)}: {Depth(m[i])}")) +
                       $". Identity skill averaged over depths: {Fmt.F(meanSmall)} at {GridScores.Label(id.ColumnAxis, cols[0])}, " +
                       $"{Fmt.F(meanLarge)} at {GridScores.Label(id.ColumnAxis, cols[^1])}." + ConvergenceNote(sweep.Trials);
        return (verdict, measured);
    }
}
