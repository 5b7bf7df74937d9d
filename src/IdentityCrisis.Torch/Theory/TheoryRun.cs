using IdentityCrisis.Config;
using IdentityCrisis.Data;
using IdentityCrisis.Experiments;
using IdentityCrisis.Probes;
using IdentityCrisis.Probing;
using IdentityCrisis.Results;
using IdentityCrisis.Runtime;
using IdentityCrisis.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Theory;

/// <summary>A finished theory run: the numbers, the figure's images and the loss curve.</summary>
public sealed record TheoryRunOutput(TheoryRunResult Result, TheoryFigureData Figure, IReadOnlyList<LossPoint> LossCurve);

/// <summary>
/// Trains a single linear layer by plain GD from the same seeded initial weights the closed form
/// is computed from, then compares the two on every probe.
/// </summary>
public static class TheoryRun
{
    /// <summary>The step rule used when no learning rate is given (see <see cref="ISingleLayerTheory.DefaultStepSize"/>).</summary>
    public const string DefaultStepRule = "2/(λ_max + λ_min⁺) of the Hessian 2AᵀA/784 (for the FCN's rank-one Hessian: 1/λ)";

    /// <summary>Fails, naming every offending setting, unless the config is a network the closed forms describe.</summary>
    public static RunConfig EnsureSupported(RunConfig config)
    {
        config.EnsureValid();
        var a = config.Architecture;
        var t = config.Training;
        var errors = new List<string>();
        if (a.Depth != 1) errors.Add($"architecture.depth = {a.Depth}; the closed forms describe depth 1");
        if (a.Activation != "linear") errors.Add($"architecture.activation = '{a.Activation}'; the closed forms need linear");
        if (a.Kind == "cnn" && a.Padding != "zeros") errors.Add($"architecture.padding = '{a.Padding}'; the CNN closed form is for zero padding");
        if (t.Optimizer != "gd") errors.Add($"training.optimizer = '{t.Optimizer}'; the closed forms describe plain gradient descent (gd)");
        if (t.TrainImages != 1) errors.Add($"training.trainImages = {t.TrainImages}; the closed forms are for one training image");
        if (t.BatchSize != 0) errors.Add($"training.batchSize = {t.BatchSize}; the closed forms are for full-batch GD (0)");
        if (errors.Count > 0) throw new ConfigException(errors);
        return config;
    }

    /// <param name="learningRate">null: <see cref="ISingleLayerTheory.DefaultStepSize"/>; config.Training.LearningRate is ignored.</param>
    /// <param name="float64Reference">Also rerun the GD in float64 (<see cref="Float64Gd"/>): as many steps again, slower ones.</param>
    public static TheoryRunOutput Execute(RunConfig config, double? learningRate, DataCatalog catalog,
                                          Action<int, double>? progress = null, CancellationToken cancel = default, bool float64Reference = false)
    {
        EnsureSupported(config);
        var (trainImages, trainInfo) = TrainingData.Select(config.Training, catalog);
        var probeSets = ProbeLibrary.Build(config.Probes, catalog);
        int threads = TorchRuntime.EnsureThreads(config.Training.Threads);
        var device = TorchRuntime.ResolveDevice(config.Training.Device);
        var environment = TorchEnvironment.Capture(threads, config.Training.Device);
        var xhat = trainImages[0];

        using var network = TorchRuntime.CreateSeeded(config.Architecture, config.Training.Seed);
        using var initial = SingleLayerParameters.Read(network);     // θ0, read before the first step
        using var theory = Create(config.Architecture, xhat, initial);
        double lr = learningRate ?? theory.DefaultStepSize;
        var training = config.Training with { LearningRate = lr };

        network.to(device);
        using var images = TensorImages.ToTensor(trainImages, device);
        var trained = new Trainer { Progress = progress, Cancellation = cancel }.Train(network, images, training);
        network.to(torch.CPU);

        using var final = SingleLayerParameters.Read(network);
        using var iterate = theory.Iterate(trained.Steps, lr);
        var weights = new WeightComparison(MaxAbs(final, theory.Limit), MaxAbs(final, iterate), MaxAbs(iterate, theory.Limit), MaxAbs(initial, theory.Limit));

        var f = new NetworkFunction(network, torch.CPU);
        var sets = new List<SetComparison>();
        var pooled = new List<ProbeTheoryValues>();
        foreach (var set in probeSets)
        {
            var values = Compare(theory, f, iterate, set.Probes.Select(p => p.Pixels).ToList());
            sets.Add(SetComparisons.Compare(set.Name, values));
            pooled.AddRange(values);
        }
        var all = SetComparisons.Compare("all", pooled);
        var reference = float64Reference ? CompareFloat64Gd(config, xhat, trained.Steps, lr, theory, iterate, f, probeSets, cancel) : null;

        var summary = theory.Summarize(lr);
        var outcome = new TheoryTraining(trained.Outcome.ToString().ToLowerInvariant(), trained.Outcome == TrainingOutcome.Converged,
                                         trained.Steps, trained.LossCurve.Count > 0 ? trained.LossCurve[0].Loss : double.NaN,
                                         trained.FinalLoss, trained.Seconds);
        var checks = TheoryChecks.Evaluate(config.Architecture.Kind, config.Training.Tolerance, outcome, summary, all, reference);
        var setup = new TheorySetup(config with { Training = training }, learningRate is null ? DefaultStepRule : "given", trainInfo);
        var result = new TheoryRunResult(TheoryRunResult.CurrentSchema, config.Architecture.Kind, config.Architecture.Describe(),
                                         setup, environment, outcome, summary, weights, sets, all, checks, reference);
        return new TheoryRunOutput(result, Figure(theory, f, xhat, trainInfo, probeSets), trained.LossCurve);
    }

    public static ISingleLayerTheory Create(ArchitectureConfig a, float[] xhat, Tensor initial)
    {
        if (a.Kind == "cnn") return new CnnTheory(xhat, a.Kernel, initial, a.Bias);
        var (weightVariance, biasVariance) = InitialVariance.OfFcnLayer(a);
        return new FcnTheory(xhat, initial, a.Bias, weightVariance, biasVariance);
    }

    static IReadOnlyList<ProbeTheoryValues> Compare(ISingleLayerTheory theory, NetworkFunction f, Tensor iterate, IReadOnlyList<float[]> inputs)
    {
        var trained = f.Apply(inputs);
        var predicted = theory.Outputs(theory.Limit, inputs);
        var atIterate = theory.Outputs(iterate, inputs);
        var values = inputs.Select((x, i) => new ProbeTheoryValues(x, trained[i], predicted[i], atIterate[i])).ToList();
        return theory.Annotate(values);
    }

    static Float64GdComparison CompareFloat64Gd(RunConfig config, float[] xhat, int steps, double lr, ISingleLayerTheory theory, Tensor iterate,
                                                NetworkFunction trained, IReadOnlyList<ProbeSet> sets, CancellationToken cancel)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var gd = Float64Gd.Train(config.Architecture, config.Training.Seed, xhat, steps, lr, cancel);
        double seconds = clock.Elapsed.TotalSeconds;
        double outputsVsIterate = 0, trainedVsFloat64 = 0;
        foreach (var set in sets)
        {
            var inputs = set.Probes.Select(p => p.Pixels).ToList();
            var viaGd = theory.Outputs(gd, inputs);
            var viaIterate = theory.Outputs(iterate, inputs);
            var viaTrained = trained.Apply(inputs);
            for (int i = 0; i < inputs.Count; i++)
            {
                outputsVsIterate = Math.Max(outputsVsIterate, viaGd[i].Select((v, p) => Math.Abs(v - viaIterate[i][p])).Max());
                trainedVsFloat64 = Math.Max(trainedVsFloat64, SetComparisons.MaxAbsDiff(viaTrained[i], viaGd[i]));
            }
        }
        return new Float64GdComparison(steps, seconds, MaxAbs(gd, iterate), outputsVsIterate, trainedVsFloat64);
    }

    static TheoryFigureData Figure(ISingleLayerTheory theory, NetworkFunction f, float[] xhat, TrainImageInfo info, IReadOnlyList<ProbeSet> sets)
    {
        var columns = FigureColumns.Select(sets);
        var inputs = new List<float[]> { xhat };
        inputs.AddRange(columns.Select(p => p.Pixels));
        var labels = new List<string> { $"train x̂ [{info.Index}]" };
        labels.AddRange(columns.Select(p => p.Set == "patterns" ? p.Name : p.Set == "noise" ? p.Name.Split(' ')[0] : p.Set));
        return new TheoryFigureData(labels, inputs, f.Apply(inputs), theory.Outputs(theory.Limit, inputs));
    }

    static double MaxAbs(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return (a.to(float64) - b.to(float64)).abs().max().item<double>();
    }
}
