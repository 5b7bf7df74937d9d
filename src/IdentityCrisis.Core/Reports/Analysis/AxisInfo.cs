using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityCrisis.Storage;
using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Reports.Analysis;

/// <summary>A point of a sweep axis: its label and, when the point sets a number, that number.</summary>
public sealed record AxisPointInfo(string Label, double? Value)
{
    /// <summary>"8" for the point "channels=8"; the label itself for case points like "6-layer ReLU".</summary>
    public string Short => Value is { } v && Label.Contains('=') ? Fmt.G(v) : Label;
}

/// <summary>A sweep axis read back from the stored spec, so figures can place trials by their axis values.</summary>
public sealed record AxisInfo(string Name, IReadOnlyList<AxisPointInfo> Points)
{
    public static AxisInfo From(SweepAxis axis) =>
        new(axis.Name, axis.Points.Select(p => new AxisPointInfo(p.Label, FirstNumber(p.Set))).ToList());

    /// <summary>The index of the trial's point on this axis, or -1 when the trial was not made by this axis.</summary>
    public int IndexOf(TrialRow t) =>
        t.Axes.TryGetValue(Name, out var label) ? Points.ToList().FindIndex(p => p.Label == label) : -1;

    public bool IsNumeric => Points.All(p => p.Value is not null);

    static double? FirstNumber(IReadOnlyDictionary<string, JsonNode?> set)
    {
        foreach (var v in set.Values)
            if (v is JsonValue jv && jv.GetValueKind() == JsonValueKind.Number) return jv.GetValue<double>();
        return null;
    }
}
