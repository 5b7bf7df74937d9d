using System.Diagnostics;
using IdentityCrisis.Config;
using IdentityCrisis.Data;
using IdentityCrisis.Runtime;

namespace IdentityCrisis.Theory;

/// <summary>
/// Runs of <see cref="TheoryRun"/> over one setting, every other setting held: the CNN kernel
/// size (the paper's claim that error grows once P(x̂) loses rank) and the FCN's initial scale σ
/// (the claim E‖f(x) − x‖² = (1 + dσ²)‖Π⊥x‖²).
/// </summary>
public static class TheorySweeps
{
    /// <summary>1, 3, …, 33: up to k = 27 k² ≤ 784 and P(x̂) can have full column rank; from k = 29 on k² > 784 and it cannot.</summary>
    public static readonly int[] DefaultKernels = [.. Enumerable.Range(0, 17).Select(i => 2 * i + 1)];

    /// <summary>Half-decades from 1e-4 to 1e-1: from "W0 negligible" (dσ² ≈ 8e-6) to "W0 dominates" (dσ² ≈ 8).</summary>
    public static readonly double[] DefaultSigmas = [1e-4, 3.16e-4, 1e-3, 3.16e-3, 1e-2, 3.16e-2, 1e-1];

    public static TheorySweepResult Kernels(RunConfig baseConfig, IReadOnlyList<int> kernels, double? learningRate, DataCatalog catalog,
                                            string command, Action<TheoryRunOutput>? onRun = null, CancellationToken cancel = default,
                                            bool float64Reference = false)
    {
        if (baseConfig.Architecture.Kind != "cnn") throw new ConfigException("the kernel sweep is for --arch cnn");
        var configs = kernels.Select(k => baseConfig with { Architecture = baseConfig.Architecture with { Kernel = k } }).ToList();
        return Sweep("kernels", configs, learningRate, catalog, command, onRun, cancel, float64Reference);
    }

    public static TheorySweepResult Sigmas(RunConfig baseConfig, IReadOnlyList<double> sigmas, double? learningRate, DataCatalog catalog,
                                           string command, Action<TheoryRunOutput>? onRun = null, CancellationToken cancel = default,
                                           bool float64Reference = false)
    {
        if (baseConfig.Architecture.Kind != "fcn") throw new ConfigException("the sigma sweep is for --arch fcn");
        var configs = sigmas.Select(s => baseConfig with { Architecture = baseConfig.Architecture with { Init = "gaussian", InitSigma = s } }).ToList();
        return Sweep("sigma", configs, learningRate, catalog, command, onRun, cancel, float64Reference);
    }

    static TheorySweepResult Sweep(string name, IReadOnlyList<RunConfig> configs, double? learningRate, DataCatalog catalog,
                                   string command, Action<TheoryRunOutput>? onRun, CancellationToken cancel, bool float64Reference)
    {
        if (configs.Count == 0) throw new ConfigException($"the {name} sweep has no points");
        // Every point is validated before the first one trains, so a bad value fails in seconds, not minutes in.
        foreach (var c in configs) TheoryRun.EnsureSupported(c);
        var clock = Stopwatch.StartNew();
        var runs = new List<TheoryRunResult>(configs.Count);
        foreach (var config in configs)
        {
            cancel.ThrowIfCancellationRequested();
            var output = TheoryRun.Execute(config, learningRate, catalog, cancel: cancel, float64Reference: float64Reference);
            runs.Add(output.Result);
            onRun?.Invoke(output);
        }
        var environment = TorchEnvironment.Capture(TorchRuntime.CurrentThreads, configs[0].Training.Device);
        return new TheorySweepResult(TheoryRunResult.CurrentSchema, name, command, environment, clock.Elapsed.TotalSeconds, runs);
    }
}
