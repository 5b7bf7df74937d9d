using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityCrisis.Config;

namespace IdentityCrisis.Sweeps;

/// <summary>
/// `--set PATH=VALUE`: change a preset's or spec's base config without writing a spec file,
/// e.g. Figure 3 under plain gradient descent. The changed sweep gets its own name (and so its
/// own default folder and trial ids), so it never mixes with the unchanged sweep's results
/// and the report does not take it for the paper preset.
/// </summary>
public static class SweepOverrides
{
    public static SweepSpec Apply(SweepSpec spec, IReadOnlyList<string> assignments, string? name = null)
    {
        if (assignments.Count == 0)
            return string.IsNullOrWhiteSpace(name) ? spec : spec with { Name = CheckName(name) };
        var axisPaths = spec.Axes.SelectMany(a => a.Points.SelectMany(p => p.Set.Keys).Select(path => (path, axis: a.Name)))
                                 .GroupBy(x => x.path).ToDictionary(g => g.Key, g => g.First().axis);
        var node = JsonNode.Parse(ConfigJson.Serialize(spec.Base))!.AsObject();
        var parsed = new List<(string Path, string Text)>();
        var errors = new List<string>();
        foreach (var a in assignments)
        {
            int eq = a.IndexOf('=');
            if (eq <= 0 || eq == a.Length - 1)
            {
                errors.Add($"--set '{a}' must look like PATH=VALUE, e.g. training.optimizer=gd (paths as in docs/config.md)");
                continue;
            }
            var (path, text) = (a[..eq].Trim(), a[(eq + 1)..].Trim());
            if (axisPaths.TryGetValue(path, out var axis))
            {
                errors.Add($"--set {path}: sweep '{spec.Name}' varies that field along its axis '{axis}'; use --only {axis}=... to pick values");
                continue;
            }
            if (parsed.Any(p => p.Path == path))
            {
                errors.Add($"--set {path} is given twice");
                continue;
            }
            try { TrialExpansion.SetPath(node, path, ParseValue(text), spec.Name); }
            catch (ConfigException e) { errors.AddRange(e.Errors.Select(m => m.Replace("axis path", "--set path"))); continue; }
            parsed.Add((path, text));
        }
        if (errors.Count > 0) throw new ConfigException(errors);
        var config = ConfigJson.Deserialize<RunConfig>(node.ToJsonString(), $"sweep '{spec.Name}' with --set");
        var changes = string.Join(", ", parsed.Select(p => $"{p.Path} = {p.Text}"));
        return spec with
        {
            Name = string.IsNullOrWhiteSpace(name) ? DerivedName(spec.Name, parsed) : CheckName(name),
            Description = $"{spec.Description} Changed with --set: {changes}.".Trim(),
            Base = config,
        };
    }

    // A bare word (gd, relu) is a string; anything that parses as JSON (0.1, true, [1, 2]) is that value.
    static JsonNode? ParseValue(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }

    // "fig3-paper" with optimizer=gd and learningRate=0.1 becomes "fig3-paper_optimizer=gd_learningRate=0.1":
    // a folder name without shell-special characters that JSON stores unescaped.
    static string DerivedName(string name, IEnumerable<(string Path, string Text)> changes)
    {
        var sb = new StringBuilder(name);
        foreach (var (path, text) in changes) sb.Append('_').Append(path[(path.LastIndexOf('.') + 1)..]).Append('=').Append(text);
        return new string(sb.ToString().Select(c => char.IsAsciiLetterOrDigit(c) || "._=-".Contains(c) ? c : '-').ToArray());
    }

    static string CheckName(string name)
    {
        if (name.Any(c => c is '/' or '\\') || name is "." or "..")
            throw new ConfigException($"--name '{name}' is also the default folder name under sweeps/; it cannot contain '/' or '\\' or be '.' or '..'");
        return name;
    }
}
