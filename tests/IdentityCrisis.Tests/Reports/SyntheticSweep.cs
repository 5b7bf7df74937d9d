using IdentityCrisis.Config;
using IdentityCrisis.Metrics;
using IdentityCrisis.Results;
using IdentityCrisis.Storage;
using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Tests.Reports;

/// <summary>What a hand-made trial "measured": skills per probe set and how training ended.</summary>
/// <summary>Map, when given, draws the figure outputs f(x) from (x, x̂); otherwise outputs blend x and x̂ by the mnist skills.</summary>
public sealed record FakeTrial(Func<string, (double Identity, double Constant)> Skills, TrainingOutcome Outcome = TrainingOutcome.Converged,
                               Func<float[], float[], float[]>? Map = null)
{
    public static FakeTrial Identity => new(_ => (0.95, 0.02));
    public static FakeTrial Constant => new(_ => (0.01, 0.97));
    public static FakeTrial Other => new(_ => (0.5, 0.3));
    public static FakeTrial Uniform(double identity, double constant) => new(_ => (identity, constant));
}

/// <summary>
/// Writes sweep databases with hand-made trials (known scores, figures, loss curves, layer
/// maps) through the real <see cref="ResultsDb.RecordTrial"/>, so reports can be tested
/// without training anything.
/// </summary>
public static class SyntheticSweep
{
    public static readonly string[] Sets = ["mnist", "fashion", "natural", "noise", "patterns", "mix"];
    public static readonly string[] ColumnLabels =
        ["train x̂ [15]", "mnist", "mnist", "mnist", "fashion", "fashion", "mix", "uniform", "gaussian",
         "square", "stripes", "bars", "gradient", "dots", "disk", "ring", "ellipse", "checkerboard", "natural", "natural"];

    /// <param name="plan">The made-up result of each trial; null leaves the trial planned but not run.</param>
    public static string Write(string folder, SweepSpec spec, Func<Trial, FakeTrial?> plan, int probesPerSet = 4, Action<ResultsDb>? extra = null)
    {
        Directory.CreateDirectory(folder);
        using var db = ResultsDb.Open(Path.Combine(folder, ResultsDb.FileName));
        db.SetMeta("spec_json", SweepSpecJson.Serialize(spec));
        db.SetMeta("sweep_name", spec.Name);
        foreach (var trial in TrialExpansion.Expand(spec))
            if (plan(trial) is { } fake)
                db.RecordTrial(trial, Output(trial, fake, probesPerSet, spec.CaptureLayers));
        extra?.Invoke(db);
        return folder;
    }

    public static SweepSpec Spec(string name, string scale, RunConfig baseConfig, SweepFigure figure, params SweepAxis[] axes) => new()
    {
        Name = $"{name}-{scale}", Scale = scale, Description = $"synthetic {name}", Base = baseConfig, Axes = axes, Figure = figure,
        CaptureLayers = figure == SweepFigure.Layers,
    };

    public static RunConfig Cnn(params string[] sets) => new()
    {
        Architecture = new ArchitectureConfig { Kind = "cnn", Channels = 8, Kernel = 5, Activation = "relu" },
        Training = new TrainingConfig { MaxSteps = 100, Tolerance = 1e-5, LogEvery = 10 },
        Probes = new ProbeConfig { Sets = sets.Length > 0 ? sets : Sets, PerSet = 4 },
    };

    public static RunConfig Fcn(params string[] sets) => Cnn(sets) with { Architecture = new ArchitectureConfig { Kind = "fcn", Width = 32, Activation = "relu" } };

    public static SweepSpec Fig3(string scale, params int[] depths) =>
        Spec("fig3", scale, Cnn(), SweepFigure.Grid, SweepAxis.Values("depth", "architecture.depth", depths));

    public static SweepSpec Fig2(string scale) => Spec("fig2", scale, Fcn(), SweepFigure.Grid, new SweepAxis("network",
    [
        Case("1-layer linear", 1, "linear"), Case("2-layer ReLU", 2, "relu"), Case("6-layer ReLU", 6, "relu"),
    ]));

    static AxisPoint Case(string label, int depth, string activation) => new(label, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>
    {
        ["architecture.depth"] = depth, ["architecture.activation"] = activation,
    });

    static TrialOutput Output(Trial trial, FakeTrial fake, int probesPerSet, bool layers)
    {
        var config = trial.Config;
        var rule = new VerdictRule(config.Probes.VerdictThreshold);
        var sets = new List<SetScore>();
        var probes = new List<ProbeScore>();
        foreach (var set in config.Probes.Sets)
        {
            var (id, constant) = fake.Skills(set);
            const double baseline = 0.3;
            double corrId = baseline + id * (1 - baseline), corrConst = baseline + constant * (1 - baseline);
            sets.Add(new SetScore(set, probesPerSet, corrId, corrConst, 0.01, 0.02, baseline, id, constant, probesPerSet, rule.Decide(id, constant)));
            for (int i = 0; i < probesPerSet; i++)
                probes.Add(new ProbeScore(set, $"{set} #{i}", corrId, corrConst, 0.01, 0.02, baseline));
        }
        bool diverged = fake.Outcome == TrainingOutcome.Diverged;
        int steps = config.Training.MaxSteps;
        var curve = Enumerable.Range(0, steps / 10 + 1)
            .Select(i => new LossPoint(i * 10, diverged && i > steps / 20 ? double.NaN : 0.1 * Math.Exp(-i / 3.0))).ToList();
        var training = new TrainingResult
        {
            Outcome = fake.Outcome, Steps = steps, FinalLoss = diverged ? double.NaN : curve[^1].Loss,
            DivergedAtStep = diverged ? steps / 2 : null, LossCurve = curve, Seconds = 1.5 + trial.Index,
        };
        var (mnistId, mnistConst) = fake.Skills("mnist");
        var inputs = ColumnLabels.Select((_, c) => Image(c)).ToList();
        var outputs = inputs.Select(x => fake.Map?.Invoke(x, inputs[0]) ?? Blend(x, inputs[0], mnistId, mnistConst)).ToList();
        var record = new RunRecord(config, Environment(), training, 123 << 20, new TrainImageInfo(15, 7, 1, "synthetic"), sets, probes,
            new FigureData(ColumnLabels, inputs, outputs));
        LayerMaps? maps = null;
        if (layers)
        {
            int depth = config.Architecture.Depth;
            var perLayer = Enumerable.Range(1, depth).Select(l => (IReadOnlyList<float[]>)inputs
                .Select(x => Blend(x, inputs[0], 1 - l / (double)depth, l / (double)depth).Select(v => v * 3 * l - 1).ToArray()).ToList()).ToList();
            maps = new LayerMaps(ColumnLabels, inputs, perLayer);
        }
        return new TrialOutput(record, maps);
    }

    public static EnvironmentInfo Environment() => new()
    {
        ToolVersion = "0.1.0", GitCommit = "abc123", TorchSharpVersion = "0.107.0", LibTorchVersion = "2.10.0", Threads = 2, Device = "cpu",
        Os = "synthetic OS", Cpu = "synthetic CPU", ProcessorCount = 2, DotnetVersion = ".NET 10", Allocator = "glibc malloc",
        StartedUtc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
    };

    /// <summary>Column 0 is a '7'-like stroke (x̂); the others are seeded blobs, all in [0,1].</summary>
    public static float[] Image(int column)
    {
        var img = new float[ImageGeometry.Pixels];
        if (column == 0)
        {
            for (int c = 6; c < 22; c++) img[6 * 28 + c] = 1;
            for (int r = 6; r < 23; r++) img[r * 28 + 21 - (r - 6) / 2] = 1;
            return img;
        }
        var rng = new Random(column);
        for (int k = 0; k < 6; k++)
        {
            int cr = rng.Next(4, 24), cc = rng.Next(4, 24), rad = rng.Next(2, 6);
            for (int r = 0; r < 28; r++)
                for (int c = 0; c < 28; c++)
                    if ((r - cr) * (r - cr) + (c - cc) * (c - cc) <= rad * rad) img[r * 28 + c] = 1;
        }
        return img;
    }

    /// <summary>Π∥x + k·Π⊥x: the component along x̂ kept exactly, the rest damped (the 1-layer linear FCN of the theory).</summary>
    public static float[] KeepAlongTrainImage(float[] x, float[] xhat, double k)
    {
        double dot = 0, norm = 0;
        for (int i = 0; i < x.Length; i++) { dot += x[i] * xhat[i]; norm += xhat[i] * xhat[i]; }
        double a = dot / norm;
        return x.Select((v, i) => (float)(a * xhat[i] + k * (v - a * xhat[i]))).ToArray();
    }

    /// <summary>a·x + b·x̂: what a network part identity, part constant would output.</summary>
    public static float[] Blend(float[] x, float[] xhat, double a, double b) =>
        x.Select((v, i) => (float)(a * v + b * xhat[i])).ToArray();
}
