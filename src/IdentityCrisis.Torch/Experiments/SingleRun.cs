using IdentityCrisis.Architectures;
using IdentityCrisis.Config;
using IdentityCrisis.Data;
using IdentityCrisis.Metrics;
using IdentityCrisis.Probes;
using IdentityCrisis.Probing;
using IdentityCrisis.Results;
using IdentityCrisis.Runtime;
using IdentityCrisis.Storage;
using IdentityCrisis.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Experiments;

/// <summary>A finished run: the record to store and the trained weights.</summary>
public sealed record RunOutput(RunRecord Record, IReadOnlyList<NamedTensor> Weights, LayerMaps? Layers);

/// <summary>
/// The basic experiment: train one network on x̂ (and optionally more MNIST training images),
/// probe it, score it. Every input is resolved and validated before any compute is spent.
/// </summary>
public static class SingleRun
{
    public static RunOutput Execute(RunConfig config, DataCatalog catalog, Action<int, double>? progress = null,
                                    CancellationToken cancel = default, bool captureLayers = false)
    {
        config.EnsureValid();
        var (trainImages, trainInfo) = TrainingData.Select(config.Training, catalog);
        var probeSets = ProbeLibrary.Build(config.Probes, catalog);
        int threads = TorchRuntime.EnsureThreads(config.Training.Threads);
        var device = TorchRuntime.ResolveDevice(config.Training.Device);
        var environment = TorchEnvironment.Capture(threads, config.Training.Device) with { DataSources = DataSources(config, catalog, trainInfo) };

        using var network = TorchRuntime.CreateSeeded(config.Architecture, config.Training.Seed);
        network.to(device);
        using var images = TensorImages.ToTensor(trainImages, device);
        var training = new Trainer { Progress = progress, Cancellation = cancel }.Train(network, images, config.Training);

        var xhat = trainImages[0];
        var f = new NetworkFunction(network, device);
        var evaluation = ProbeEvaluation.Evaluate(f, probeSets, xhat, new VerdictRule(config.Probes.VerdictThreshold));
        var columns = FigureColumns.Select(probeSets);
        var figureInputs = new List<float[]> { xhat };
        figureInputs.AddRange(columns.Select(p => p.Pixels));
        var figureLabels = new List<string> { $"train x̂ [{trainInfo.Index}]" };
        figureLabels.AddRange(columns.Select(p => ShortLabel(p)));
        var figure = new FigureData(figureLabels, figureInputs, f.Apply(figureInputs));

        LayerMaps? layers = captureLayers ? new LayerMaps(figureLabels, figureInputs, f.LayerMaps(figureInputs)) : null;
        var record = new RunRecord(config, environment, training, ProcessMemory.PeakRssBytes(), trainInfo,
                                   evaluation.Sets, evaluation.Probes, figure);
        return new RunOutput(record, WeightExport.Export(network), layers);
    }

    static Dictionary<string, string> DataSources(RunConfig config, DataCatalog catalog, TrainImageInfo train)
    {
        var sources = new Dictionary<string, string> { ["mnist-train"] = train.Source };
        foreach (var set in config.Probes.Sets)
        {
            var dataset = ProbeLibrary.DatasetOf(set);
            if (dataset is not null) sources[dataset] = catalog.Load(dataset).Source;
        }
        return sources;
    }

    static string ShortLabel(Probe p) => p.Set switch
    {
        "patterns" => p.Name,
        "noise" => p.Name.Split(' ')[0],
        _ => p.Set,
    };
}
