using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IdentityCrisis.Config;

namespace IdentityCrisis.Sweeps;

/// <summary>One configuration of a sweep. <see cref="Id"/> depends only on the science in the config.</summary>
public sealed record Trial(string Id, string Label, int Index, RunConfig Config, IReadOnlyDictionary<string, string> AxisValues);

public static class TrialExpansion
{
    /// <summary>Cartesian product of the axes, in axis order (the last axis varies fastest).</summary>
    public static IReadOnlyList<Trial> Expand(SweepSpec spec)
    {
        var combos = new List<List<(SweepAxis Axis, AxisPoint Point)>> { new() };
        foreach (var axis in spec.Axes)
        {
            if (axis.Points.Count == 0) throw new ConfigException($"sweep '{spec.Name}': axis '{axis.Name}' has no values");
            combos = combos.SelectMany(c => axis.Points.Select(p => new List<(SweepAxis, AxisPoint)>(c) { (axis, p) })).ToList();
        }
        var trials = new List<Trial>(combos.Count);
        var errors = new List<string>();
        foreach (var combo in combos)
        {
            var node = JsonNode.Parse(ConfigJson.Serialize(spec.Base))!.AsObject();
            foreach (var (_, point) in combo)
                foreach (var (path, value) in point.Set)
                    SetPath(node, path, value?.DeepClone(), spec.Name);
            string label = combo.Count == 0 ? "base" : string.Join(" ", combo.Select(c => c.Point.Label));
            RunConfig config;
            try { config = ConfigJson.Deserialize<RunConfig>(node.ToJsonString(), $"sweep '{spec.Name}' trial '{label}'"); }
            catch (ConfigException e) { errors.AddRange(e.Errors); continue; }
            config = config with { Name = $"{spec.Name} {label}" };
            errors.AddRange(config.Validate().Select(e => $"trial '{label}': {e}"));
            var axisValues = combo.ToDictionary(c => c.Axis.Name, c => c.Point.Label);
            trials.Add(new Trial(IdOf(config), label, trials.Count, config, axisValues));
        }
        if (errors.Count > 0) throw new ConfigException(errors.Distinct().ToList());
        var duplicate = trials.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ConfigException($"sweep '{spec.Name}': trials '{string.Join("', '", duplicate.Select(t => t.Label))}' have the same config; remove the repeated axis value");
        return trials;
    }

    /// <summary>
    /// A stable id: SHA-256 of the canonical config JSON, leaving out what does not change
    /// the science (the name, thread count, device and data folder).
    /// </summary>
    public static string IdOf(RunConfig config)
    {
        var canonical = config with { Name = "", DataDir = "", Training = config.Training with { Threads = 0, Device = "cpu" } };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(ConfigJson.Serialize(canonical)));
        return Convert.ToHexStringLower(hash)[..16];
    }

    internal static void SetPath(JsonObject root, string path, JsonNode? value, string sweep)
    {
        var parts = path.Split('.');
        JsonObject current = root;
        for (int i = 0; i < parts.Length - 1; i++)
            current = current[parts[i]] as JsonObject
                      ?? throw new ConfigException($"sweep '{sweep}': axis path '{path}' does not name a config field (no section '{parts[i]}'; valid sections: architecture, training, probes)");
        if (!current.ContainsKey(parts[^1]))
            throw new ConfigException($"sweep '{sweep}': axis path '{path}' does not name a config field; valid in '{string.Join('.', parts[..^1])}': {string.Join(", ", current.Select(kv => kv.Key))}");
        current[parts[^1]] = value;
    }
}
