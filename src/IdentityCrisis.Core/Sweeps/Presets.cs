using System.Text.Json.Nodes;
using IdentityCrisis.Config;

namespace IdentityCrisis.Sweeps;

/// <summary>
/// One sweep per figure or claim of the paper. Each has a "quick" scale (minutes on 2
/// cores, used by CI) and a "paper" scale (the paper's sizes). The training settings the
/// paper leaves open (optimizer, learning rate, steps) are ours; docs/results/README.md
/// says why.
/// </summary>
public static class Presets
{
    public static readonly string[] Names = ["fig2", "fig3", "fig4", "channels", "kernels", "fcn-many"];
    public static readonly string[] Scales = ["quick", "paper"];

    /// <summary>The depths the paper's Figure 3 shows.</summary>
    public static readonly int[] Figure3Depths = [1, 3, 5, 7, 9, 11, 12, 14, 15, 16, 18, 19, 20];

    public static SweepSpec Get(string name, string scale)
    {
        if (!Scales.Contains(scale)) throw new ConfigException($"--scale '{scale}' is unknown; valid: {string.Join(", ", Scales)}");
        bool paper = scale == "paper";
        var spec = name switch
        {
            "fig2" => Fig2(paper),
            "fig3" => Fig3(paper),
            "fig4" => Fig4(paper),
            "channels" => Channels(paper),
            "kernels" => Kernels(paper),
            "fcn-many" => FcnMany(paper),
            _ => throw new ConfigException($"preset '{name}' is unknown; valid: {string.Join(", ", Names)}"),
        };
        return spec with { Name = $"{name}-{scale}", Scale = scale };
    }

    static ProbeConfig Probes(bool paper) => new() { PerSet = paper ? 100 : 20 };

    /// <summary>
    /// Adam at 1e-4 (the core acceptance setting) until the training MSE is below 1e-4 — an
    /// RMS pixel error of 0.01, visually exact — or the step budget runs out. Trials that
    /// stop on the budget are marked "maxSteps" in every table, not hidden.
    /// </summary>
    static TrainingConfig Training(bool paper, int paperSteps, int quickSteps) => new()
    {
        Optimizer = "adam", LearningRate = 1e-4, Tolerance = 1e-4, MaxSteps = paper ? paperSteps : quickSteps, LogEvery = 10,
    };

    static SweepSpec Fig2(bool paper) => new()
    {
        Description = "FCNs of hidden width 784 (Figure 2): 1- and 2-layer linear, 2-layer ReLU, 6-layer linear and ReLU.",
        Base = new RunConfig
        {
            Architecture = new ArchitectureConfig { Kind = "fcn", Width = paper ? 784 : 256 },
            Training = Training(paper, 5000, 400) with { LearningRate = 1e-4 },
            Probes = Probes(paper),
        },
        Axes = [Cases("network",
            ("1-layer linear", 1, "linear"), ("2-layer linear", 2, "linear"), ("2-layer ReLU", 2, "relu"),
            ("6-layer linear", 6, "linear"), ("6-layer ReLU", 6, "relu"))],
        Figure = SweepFigure.Grid,
    };

    static SweepSpec Fig3(bool paper) => new()
    {
        Description = "ReLU CNNs with 5x5 kernels and 128 channels at depths 1-20 (Figure 3).",
        Base = new RunConfig
        {
            Architecture = new ArchitectureConfig { Kind = "cnn", Channels = paper ? 128 : 8, Kernel = 5, Activation = "relu" },
            Training = Training(paper, 4000, 300),
            Probes = Probes(paper),
        },
        Axes = [SweepAxis.Values<int>("depth", "architecture.depth", paper ? Figure3Depths : [1, 3, 5, 8, 12])],
        Figure = SweepFigure.Grid,
    };

    static SweepSpec Fig4(bool paper)
    {
        int c = paper ? 128 : 8;
        int[] depths = paper ? [7, 14, 20] : [3, 6];
        int random = depths[^1];
        var cases = depths.Select(d => new AxisPoint($"trained {d}-layer", Set(("architecture.depth", d))))
            .Append(new AxisPoint($"random-init {random}-layer", Set(("architecture.depth", random), ("training.maxSteps", 0))))
            .ToList();
        return new SweepSpec
        {
            Description = "Every hidden layer of trained CNNs and of a randomly initialized one (Figure 4); channels averaged to one map.",
            Base = new RunConfig
            {
                Architecture = new ArchitectureConfig { Kind = "cnn", Channels = c, Kernel = 5, Activation = "relu" },
                Training = Training(paper, 4000, 300),
                Probes = Probes(paper),
            },
            Axes = [new SweepAxis("network", cases)],
            Figure = SweepFigure.Layers,
            CaptureLayers = true,
        };
    }

    static SweepSpec Channels(bool paper) => new()
    {
        Description = "Depth x channels at 5x5 kernels, over seeds: more channels should hurt far less than more depth, and few channels should make the outcome depend on the initialization.",
        Base = new RunConfig
        {
            Architecture = new ArchitectureConfig { Kind = "cnn", Kernel = 5, Activation = "relu" },
            Training = Training(paper, 3000, 200),
            Probes = Probes(paper) with { Sets = ["mnist", "fashion", "noise", "patterns"] },
        },
        Axes =
        [
            SweepAxis.Values<int>("depth", "architecture.depth", paper ? [1, 3, 5, 7, 9, 11, 14, 17, 20] : [1, 3, 6]),
            SweepAxis.Values<int>("channels", "architecture.channels", paper ? [8, 16, 32, 64, 128, 256, 512, 1024] : [2, 8]),
            SweepAxis.Values<int>("seed", "training.seed", paper ? [0, 1, 2] : [0, 1]),
        ],
        Figure = SweepFigure.Heatmap,
    };

    static SweepSpec Kernels(bool paper) => new()
    {
        Description = "Depth x kernel size at fixed channels: larger kernels should memorize at smaller depth.",
        Base = new RunConfig
        {
            Architecture = new ArchitectureConfig { Kind = "cnn", Channels = paper ? 128 : 8, Activation = "relu" },
            Training = Training(paper, 3000, 200),
            Probes = Probes(paper) with { Sets = ["mnist", "fashion", "noise", "patterns"] },
        },
        Axes =
        [
            SweepAxis.Values<int>("depth", "architecture.depth", paper ? [1, 2, 3, 5, 7, 9, 11, 14, 17, 20] : [1, 3, 6]),
            SweepAxis.Values<int>("kernel", "architecture.kernel", paper ? [3, 5, 7, 9, 11, 13] : [3, 7]),
            SweepAxis.Values<int>("seed", "training.seed", paper ? [0, 1] : [0]),
        ],
        Figure = SweepFigure.Heatmap,
    };

    static SweepSpec FcnMany(bool paper) => new()
    {
        Description = "FCNs trained for the identity on many MNIST training images (the abstract's 60k claim), minibatch Adam.",
        Base = new RunConfig
        {
            Architecture = new ArchitectureConfig { Kind = "fcn", Width = paper ? 784 : 128, Activation = "relu" },
            Training = Training(paper, 10000, 300) with { BatchSize = paper ? 256 : 32, LearningRate = 1e-4 },
            Probes = Probes(paper) with { Sets = ["mnist", "fashion", "noise", "patterns"] },
        },
        Axes =
        [
            SweepAxis.Values<int>("images", "training.trainImages", paper ? [1, 10, 100, 1000, 10000, 60000] : [1, 10, 100]),
            new SweepAxis("network", [
                new AxisPoint("2-layer ReLU", Set(("architecture.depth", 2))),
                new AxisPoint("6-layer ReLU", Set(("architecture.depth", 6))),
            ]),
        ],
        Figure = SweepFigure.ManyImages,
    };

    static SweepAxis Cases(string name, params (string Label, int Depth, string Activation)[] rows) =>
        new(name, rows.Select(r => new AxisPoint(r.Label, Set(("architecture.depth", r.Depth), ("architecture.activation", r.Activation)))).ToList());

    static Dictionary<string, JsonNode?> Set(params (string Path, object Value)[] fields) =>
        fields.ToDictionary(f => f.Path, f => (JsonNode?)(f.Value switch
        {
            int i => JsonValue.Create(i),
            string s => JsonValue.Create(s),
            double d => JsonValue.Create(d),
            _ => throw new ArgumentException($"unsupported axis value {f.Value}"),
        }));
}
