using System.Globalization;
using System.Text;
using IdentityCrisis.Config;
using IdentityCrisis.Figures;
using IdentityCrisis.Metrics;
using IdentityCrisis.Results;

namespace IdentityCrisis.Storage;

/// <summary>
/// The files a run leaves behind (schema in docs/run-folder.md):
/// config.json (resolved config + environment), scores.json, loss.csv, weights.safetensors,
/// figure.png and figure.safetensors (the figure's inputs and outputs, to re-render it).
/// </summary>
public static class RunFolder
{
    public const int ScoresSchemaVersion = 1;

    public sealed record ConfigFile(RunConfig Config, EnvironmentInfo Environment);

    public sealed record ScoresFile(
        int SchemaVersion, string Name, string Architecture,
        TrainingSummary Training, TrainImageInfo TrainImage,
        IReadOnlyList<SetScoreJson> Sets, IReadOnlyList<ProbeScore> Probes);

    public sealed record TrainingSummary(string Outcome, int Steps, double FinalLoss, int? DivergedAtStep, double Seconds, long PeakRssBytes);

    public sealed record SetScoreJson(
        string Set, int Count, string Verdict,
        double MeanCorrIdentity, double MeanCorrConstant, double MeanMseIdentity, double MeanMseConstant,
        double MeanBaseline, double IdentitySkill, double ConstantSkill, int InformativeCount);

    public static void Write(string dir, RunRecord record, IReadOnlyList<NamedTensor> weights)
    {
        Directory.CreateDirectory(dir);
        WriteText(Path.Combine(dir, "config.json"), ResultJson.Serialize(new ConfigFile(record.Config, record.Environment)));
        WriteText(Path.Combine(dir, "scores.json"), ResultJson.Serialize(ToScoresFile(record)));
        WriteText(Path.Combine(dir, "loss.csv"), LossCsv(record.Training.LossCurve));
        Safetensors.Write(Path.Combine(dir, "weights.safetensors"), weights, new Dictionary<string, string>
        {
            ["architecture"] = ConfigJson.Serialize(record.Config.Architecture),
            ["format"] = "icrisis run weights; state_dict names (layers.{i}.weight, layers.{i}.bias)",
        });
        var fig = record.Figure;
        Safetensors.Write(Path.Combine(dir, "figure.safetensors"),
        [
            new NamedTensor("inputs", [fig.Inputs.Count, ImageGeometry.Side, ImageGeometry.Side], fig.Inputs.SelectMany(x => x).ToArray()),
            new NamedTensor("outputs", [fig.Outputs.Count, ImageGeometry.Side, ImageGeometry.Side], fig.Outputs.SelectMany(x => x).ToArray()),
        ], new Dictionary<string, string> { ["labels"] = string.Join("\n", fig.Labels) });
        RenderFigure(Path.Combine(dir, "figure.png"), record);
    }

    public static void RenderFigure(string path, RunRecord record)
    {
        var fig = record.Figure;
        var training = record.Training;
        string title = $"{record.Config.DisplayName}: {training.Outcome.ToString().ToLowerInvariant()} after {training.Steps} steps, loss {training.FinalLoss:G3}; "
                       + string.Join(", ", record.Sets.Select(s => $"{s.Set} {VerdictRule.Name(s.Verdict)}"));
        ProbeGrid.RenderPng(path, title, fig.Labels,
        [
            new GridRow("input", fig.Inputs.Cast<float[]?>().ToList()),
            new GridRow("output", fig.Outputs.Cast<float[]?>().ToList()),
        ]);
    }

    public static ScoresFile ToScoresFile(RunRecord r) => new(
        ScoresSchemaVersion, r.Config.DisplayName, r.Config.Architecture.Describe(),
        new TrainingSummary(r.Training.Outcome.ToString().ToLowerInvariant(), r.Training.Steps, r.Training.FinalLoss,
                            r.Training.DivergedAtStep, r.Training.Seconds, r.PeakRssBytes),
        r.TrainImage,
        r.Sets.Select(s => new SetScoreJson(s.Set, s.Count, VerdictRule.Name(s.Verdict), s.MeanCorrIdentity, s.MeanCorrConstant,
                                            s.MeanMseIdentity, s.MeanMseConstant, s.MeanBaseline, s.IdentitySkill, s.ConstantSkill,
                                            s.InformativeCount)).ToList(),
        r.Probes);

    public static string LossCsv(IReadOnlyList<LossPoint> curve)
    {
        var sb = new StringBuilder("step,loss\n");
        foreach (var p in curve) sb.Append(p.Step.ToString(CultureInfo.InvariantCulture)).Append(',').Append(p.Loss.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }

    static void WriteText(string path, string text)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }
}
