using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports.Analysis;

/// <summary>The trials of one grid cell (e.g. depth 7, 64 channels: one per seed) and a score over them.</summary>
public sealed record GridCell(IReadOnlyList<TrialRow> Trials, IReadOnlyList<double> Scores)
{
    /// <summary>Scores of trials that did not diverge and have a defined score.</summary>
    public double Mean => Scores.Count == 0 ? double.NaN : Scores.Average();
    public double Min => Scores.Count == 0 ? double.NaN : Scores.Min();
    public double Max => Scores.Count == 0 ? double.NaN : Scores.Max();
    /// <summary>Max minus min over seeds: how much the initialization alone moves the score.</summary>
    public double Spread => Scores.Count < 2 ? double.NaN : Max - Min;
    public bool AnyDiverged => Trials.Any(t => t.Diverged());
    public bool AnyNotConverged => Trials.Any(t => t.NotConverged());

    /// <summary>"*" some seed hit max steps, "!" some seed diverged (left out of the mean).</summary>
    public string Mark => (AnyNotConverged ? "*" : "") + (AnyDiverged ? "!" : "");
}

/// <summary>
/// A heatmap sweep folded onto two axes: rows = depth (or the first axis), columns = the
/// other non-seed axis (channels, kernel), every remaining axis (seeds) pooled in a cell.
/// </summary>
public sealed class SeedGrid
{
    public AxisInfo RowAxis { get; }
    public AxisInfo? ColumnAxis { get; }
    public IReadOnlyList<AxisInfo> PooledAxes { get; }
    public GridCell[,] Cells { get; }

    public int Rows => RowAxis.Points.Count;
    public int Columns => ColumnAxis?.Points.Count ?? 1;

    SeedGrid(AxisInfo row, AxisInfo? column, IReadOnlyList<AxisInfo> pooled, GridCell[,] cells)
    {
        RowAxis = row; ColumnAxis = column; PooledAxes = pooled; Cells = cells;
    }

    public static SeedGrid Build(SweepResults sweep, Func<TrialRow, double> score)
    {
        var axes = sweep.Spec.Axes.Select(AxisInfo.From).ToList();
        if (axes.Count == 0) throw new InvalidOperationException($"sweep {sweep.Name} has no axes to lay out as a grid");
        var row = axes.FirstOrDefault(a => a.Name == "depth") ?? axes[0];
        var column = axes.FirstOrDefault(a => a != row && a.Name != "seed");
        var pooled = axes.Where(a => a != row && a != column).ToList();
        int nr = row.Points.Count, nc = column?.Points.Count ?? 1;
        var trials = new List<TrialRow>[nr, nc];
        for (int r = 0; r < nr; r++) for (int c = 0; c < nc; c++) trials[r, c] = [];
        foreach (var t in sweep.Trials)
        {
            int r = row.IndexOf(t), c = column?.IndexOf(t) ?? 0;
            if (r >= 0 && c >= 0) trials[r, c].Add(t);
        }
        var cells = new GridCell[nr, nc];
        for (int r = 0; r < nr; r++)
            for (int c = 0; c < nc; c++)
                cells[r, c] = new GridCell(trials[r, c], trials[r, c].Where(t => !t.Diverged()).Select(score).Where(double.IsFinite).ToList());
        return new SeedGrid(row, column, pooled, cells);
    }

    public IEnumerable<GridCell> Row(int r) => Enumerable.Range(0, Columns).Select(c => Cells[r, c]);
    public IEnumerable<GridCell> Column(int c) => Enumerable.Range(0, Rows).Select(r => Cells[r, c]);

    /// <summary>Mean over seeds as a [row, column] array for a heatmap.</summary>
    public double[,] Means()
    {
        var m = new double[Rows, Columns];
        for (int r = 0; r < Rows; r++) for (int c = 0; c < Columns; c++) m[r, c] = Cells[r, c].Mean;
        return m;
    }

    public string[,] Marks()
    {
        var m = new string[Rows, Columns];
        for (int r = 0; r < Rows; r++) for (int c = 0; c < Columns; c++) m[r, c] = Cells[r, c].Mark;
        return m;
    }

    /// <summary>
    /// Row indices with at least one scored cell, by ascending axis value (spec order when the
    /// axis is not numeric). Rows and columns nobody ran (part of a grid run with --only) are
    /// left out, so "the most channels" means the most channels measured.
    /// </summary>
    public IReadOnlyList<int> RowOrder => Order(RowAxis).Where(r => Row(r).Any(c => c.Scores.Count > 0)).ToList();
    public IReadOnlyList<int> ColumnOrder => ColumnAxis is null ? [0] : Order(ColumnAxis).Where(c => Column(c).Any(x => x.Scores.Count > 0)).ToList();

    static IReadOnlyList<int> Order(AxisInfo axis) => axis.IsNumeric
        ? Enumerable.Range(0, axis.Points.Count).OrderBy(i => axis.Points[i].Value).ToList()
        : Enumerable.Range(0, axis.Points.Count).ToList();

    public int SeedsPerCell => Enumerable.Range(0, Rows).SelectMany(r => Row(r)).Select(c => c.Trials.Count).DefaultIfEmpty(0).Max();
}
