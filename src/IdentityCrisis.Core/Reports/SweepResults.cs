using IdentityCrisis.Config;
using IdentityCrisis.Storage;
using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Reports;

public sealed record FailureRow(string TrialId, string Label, string Error, string When);

/// <summary>
/// One sweep folder as the report sees it: the spec stored in the database, every finished
/// trial, the failures, and the trials the spec plans that are in neither (not run yet).
/// Reads only the database (and sweep.json when an old database lacks the spec).
/// </summary>
public sealed class SweepResults : IDisposable
{
    public string Folder { get; }
    public ResultsDb Db { get; }
    public SweepSpec Spec { get; }
    /// <summary>The paper preset this sweep is (fig3, channels, ...), or null for a custom spec.</summary>
    public string? Preset { get; }
    public IReadOnlyList<TrialRow> Trials { get; }
    public IReadOnlyList<FailureRow> Failures { get; }
    /// <summary>Planned trials with neither a result nor a failure.</summary>
    public IReadOnlyList<Trial> Missing { get; }
    public int Planned { get; }

    public bool QuickScale => Spec.Scale == "quick";
    public string Name => Spec.Name;

    SweepResults(string folder, ResultsDb db, SweepSpec spec, IReadOnlyList<TrialRow> trials, IReadOnlyList<FailureRow> failures,
                 IReadOnlyList<Trial> missing, int planned)
    {
        Folder = folder; Db = db; Spec = spec; Trials = trials; Failures = failures; Missing = missing; Planned = planned;
        Preset = Presets.Names.FirstOrDefault(n => spec.Name == $"{n}-{spec.Scale}");
    }

    public static SweepResults Open(string folder)
    {
        var db = ResultsDb.Open(Path.Combine(folder, ResultsDb.FileName), create: false);
        try
        {
            var spec = LoadSpec(db, folder);
            var trials = db.LoadTrials();
            var failures = db.LoadFailures().Select(f => new FailureRow(f.TrialId, f.Label, f.Error, f.When)).ToList();
            IReadOnlyList<Trial> planned;
            // A spec written by another version may no longer expand; the report still shows what was stored.
            try { planned = TrialExpansion.Expand(spec); }
            catch (ConfigException) { planned = []; }
            var seen = trials.Select(t => t.TrialId).Concat(failures.Select(f => f.TrialId)).ToHashSet();
            var missing = planned.Where(t => !seen.Contains(t.Id)).ToList();
            return new SweepResults(folder, db, spec, trials, failures, missing, Math.Max(planned.Count, trials.Count));
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    static SweepSpec LoadSpec(ResultsDb db, string folder)
    {
        var json = db.GetMeta("spec_json");
        if (json is not null) return SweepSpecJson.Parse(json, $"{db.Path} (meta spec_json)");
        var file = Path.Combine(folder, SweepRunner.SpecFileName);
        if (File.Exists(file)) return SweepSpecJson.Load(file);
        throw new ConfigException($"{db.Path} holds no sweep spec (meta key spec_json) and {file} does not exist; was it written by `icrisis sweep run`?");
    }

    /// <summary>The probe sets in the order the trials were configured with.</summary>
    public IReadOnlyList<string> ProbeSets =>
        Trials.SelectMany(t => t.Config.Probes.Sets).Concat(Trials.SelectMany(t => t.Sets.Keys)).Distinct().ToList();

    public void Dispose() => Db.Dispose();
}
