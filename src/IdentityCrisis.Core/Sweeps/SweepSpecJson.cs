using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityCrisis.Config;

namespace IdentityCrisis.Sweeps;

/// <summary>
/// Sweep specs as JSON. The file format is friendlier than the record: an axis is either
/// {"name": "depth", "path": "architecture.depth", "values": [1, 2, 3]} or
/// {"name": "row", "cases": [{"label": "6-layer ReLU", "set": {"architecture.depth": 6, ...}}]}.
/// Unknown keys are rejected, as in run configs.
/// </summary>
public static class SweepSpecJson
{
    public sealed record CaseFile(string Label, Dictionary<string, JsonNode?> Set);

    public sealed record AxisFile
    {
        public string Name { get; init; } = "";
        public string? Path { get; init; }
        public JsonArray? Values { get; init; }
        public List<CaseFile>? Cases { get; init; }
    }

    public sealed record SpecFile
    {
        public string Name { get; init; } = "";
        public string Description { get; init; } = "";
        public string Scale { get; init; } = "";
        public RunConfig Base { get; init; } = new();
        public List<AxisFile> Axes { get; init; } = [];
        public SweepFigure Figure { get; init; } = SweepFigure.Grid;
        public bool CaptureLayers { get; init; }
    }

    public static string Serialize(SweepSpec spec) => JsonSerializer.Serialize(new SpecFile
    {
        Name = spec.Name,
        Description = spec.Description,
        Scale = spec.Scale,
        Base = spec.Base,
        Figure = spec.Figure,
        CaptureLayers = spec.CaptureLayers,
        Axes = spec.Axes.Select(a => new AxisFile
        {
            Name = a.Name,
            Cases = a.Points.Select(p => new CaseFile(p.Label, p.Set.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()))).ToList(),
        }).ToList(),
    }, ConfigJson.Options);

    public static SweepSpec Parse(string json, string source)
    {
        var file = ConfigJson.Deserialize<SpecFile>(json, source);
        if (string.IsNullOrWhiteSpace(file.Name)) throw new ConfigException($"{source}: the sweep needs a \"name\"");
        var axes = new List<SweepAxis>();
        foreach (var a in file.Axes)
        {
            if (string.IsNullOrWhiteSpace(a.Name)) throw new ConfigException($"{source}: every axis needs a \"name\"");
            if (a.Cases is { Count: > 0 } cases)
            {
                if (a.Path is not null || a.Values is not null)
                    throw new ConfigException($"{source}: axis '{a.Name}' has both \"cases\" and \"path\"/\"values\"; use one form");
                axes.Add(new SweepAxis(a.Name, cases.Select(c => new AxisPoint(c.Label, c.Set)).ToList()));
            }
            else if (a.Path is not null && a.Values is { Count: > 0 } values)
            {
                axes.Add(new SweepAxis(a.Name, values.Select(v => new AxisPoint($"{a.Name}={v?.ToJsonString().Trim('"')}",
                    new Dictionary<string, JsonNode?> { [a.Path] = v?.DeepClone() })).ToList()));
            }
            else throw new ConfigException($"{source}: axis '{a.Name}' needs \"path\" and a non-empty \"values\", or non-empty \"cases\"");
        }
        return new SweepSpec
        {
            Name = file.Name, Description = file.Description, Scale = file.Scale, Base = file.Base,
            Axes = axes, Figure = file.Figure, CaptureLayers = file.CaptureLayers,
        };
    }

    public static SweepSpec Load(string path)
    {
        if (!File.Exists(path)) throw new ConfigException($"sweep spec '{path}' does not exist");
        return Parse(File.ReadAllText(path), path);
    }
}
