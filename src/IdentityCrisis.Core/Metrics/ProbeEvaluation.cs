using IdentityCrisis.Probes;

namespace IdentityCrisis.Metrics;

/// <summary>Runs a function on every probe set and scores it against the identity and against x̂.</summary>
public sealed record Evaluation(IReadOnlyList<SetScore> Sets, IReadOnlyList<ProbeScore> Probes);

public static class ProbeEvaluation
{
    public static Evaluation Evaluate(IImageFunction f, IReadOnlyList<ProbeSet> sets, float[] trainImage, VerdictRule rule)
    {
        var setScores = new List<SetScore>();
        var probeScores = new List<ProbeScore>();
        foreach (var set in sets)
        {
            var outputs = f.Apply(set.Probes.Select(p => p.Pixels).ToList());
            var scores = set.Probes.Select((p, i) => Scoring.Score(set.Name, p.Name, p.Pixels, outputs[i], trainImage)).ToList();
            probeScores.AddRange(scores);
            setScores.Add(Scoring.Summarize(set.Name, scores, rule));
        }
        return new Evaluation(setScores, probeScores);
    }
}
