using IdentityCrisis.Config;

namespace IdentityCrisis.Sweeps;

/// <summary>
/// `--only AXIS=V1,V2`: keep the trials whose point on AXIS is one of the values. A value
/// matches a point's label ("channels=8" or a case label such as "6-layer ReLU") or the
/// part after '='. Used to run a useful part of a grid too big for the machine.
/// </summary>
public static class TrialFilter
{
    public static Func<Trial, bool>? Parse(IReadOnlyList<string> clauses, SweepSpec spec)
    {
        if (clauses.Count == 0) return null;
        var rules = new List<(string Axis, HashSet<string> Values)>();
        foreach (var clause in clauses)
        {
            int eq = clause.IndexOf('=');
            if (eq <= 0 || eq == clause.Length - 1)
                throw new ConfigException($"--only '{clause}' must look like AXIS=V1,V2 (axes of '{spec.Name}': {string.Join(", ", spec.Axes.Select(a => a.Name))})");
            var axisName = clause[..eq];
            var axis = spec.Axes.FirstOrDefault(a => a.Name == axisName)
                ?? throw new ConfigException($"--only: sweep '{spec.Name}' has no axis '{axisName}'; its axes: {string.Join(", ", spec.Axes.Select(a => a.Name))}");
            var values = clause[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            var known = axis.Points.SelectMany(p => new[] { p.Label, ValuePart(p.Label) }).ToHashSet();
            var unknown = values.Where(v => !known.Contains(v)).ToList();
            if (unknown.Count > 0)
                throw new ConfigException($"--only: axis '{axisName}' has no value {string.Join(", ", unknown)}; its values: {string.Join(", ", axis.Points.Select(p => ValuePart(p.Label)))}");
            rules.Add((axisName, values));
        }
        return trial => rules.All(r => trial.AxisValues.TryGetValue(r.Axis, out var label)
                                       && (r.Values.Contains(label) || r.Values.Contains(ValuePart(label))));
    }

    static string ValuePart(string label) => label.Contains('=') ? label[(label.IndexOf('=') + 1)..] : label;
}
