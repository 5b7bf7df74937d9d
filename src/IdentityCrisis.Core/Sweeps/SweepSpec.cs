using System.Text.Json.Nodes;
using IdentityCrisis.Config;

namespace IdentityCrisis.Sweeps;

/// <summary>
/// One point on an axis: a label and the config fields it sets, by JSON path
/// ("architecture.depth" = 7). A plain axis has one field per point; a case axis
/// (e.g. the paper's FCN rows "6-layer ReLU") sets several fields together.
/// </summary>
public sealed record AxisPoint(string Label, IReadOnlyDictionary<string, JsonNode?> Set);

public sealed record SweepAxis(string Name, IReadOnlyList<AxisPoint> Points)
{
    /// <summary>An axis over one config field: Values(name, "architecture.depth", 1, 2, 3).</summary>
    public static SweepAxis Values<T>(string name, string path, params T[] values) =>
        new(name, values.Select(v => new AxisPoint($"{name}={v}", new Dictionary<string, JsonNode?> { [path] = JsonValue.Create(v) })).ToList());
}

/// <summary>What a sweep's figures show; the report picks its renderer from this.</summary>
public enum SweepFigure { Grid, Layers, Heatmap, ManyImages, None }

/// <summary>
/// A sweep: a base config, axes whose cartesian product gives the trials, and how to show it.
/// Validated whole before any compute is spent.
/// </summary>
public sealed record SweepSpec
{
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public RunConfig Base { get; init; } = new();
    public IReadOnlyList<SweepAxis> Axes { get; init; } = [];
    public SweepFigure Figure { get; init; } = SweepFigure.Grid;
    /// <summary>Record every layer's output for the figure probes (the paper's Figure 4).</summary>
    public bool CaptureLayers { get; init; }
    /// <summary>"quick" or "paper" for presets; free text otherwise.</summary>
    public string Scale { get; init; } = "";
}
