using System.CommandLine;
using System.Globalization;
using IdentityCrisis.Cli.Rendering;
using IdentityCrisis.Config;
using IdentityCrisis.Data;
using IdentityCrisis.Theory;
using Spectre.Console;

namespace IdentityCrisis.Cli.Commands;

/// <summary>
/// `icrisis theory run | kernels | sigma`: the paper's single-layer closed forms against networks
/// trained by plain GD from the same initial weights (docs/theory.md).
/// </summary>
public static class TheoryCommand
{
    public static Command Create()
    {
        var theory = new Command("theory", "Check the paper's closed-form single-layer solutions (linear FCN and CNN) against networks trained by plain gradient descent.");
        theory.Subcommands.Add(Run());
        theory.Subcommands.Add(Kernels());
        theory.Subcommands.Add(Sigma());
        return theory;
    }

    static Command Run()
    {
        var o = new TheoryOptions(includeArch: true, includeKernel: true, includeInit: true, defaultOut: null);
        var command = new Command("run", "Train one single-layer linear network by plain GD and compare it with the closed form on every probe set. " +
                                         "Writes theory.json, loss.csv and figure.png; exits 1 when a check fails, 3 when training diverged.");
        o.AddTo(command);
        command.SetAction(p =>
        {
            var config = TheoryRun.EnsureSupported(o.Resolve(p));
            var folder = p.GetValue(o.Out)?.FullName ?? Path.Combine("runs", $"{DateTime.Now:yyyyMMdd-HHmmss}-theory-{config.Architecture.Kind}");
            var console = ConsoleFactory.Create(p.InvocationConfiguration.Output);
            var catalog = new DataCatalog(config.DataDir);
            var output = TrainingProgress.Run(console, config.Architecture.Describe(), config.Training.MaxSteps,
                progress => TheoryRun.Execute(config, p.GetValue(o.LearningRate), catalog, progress, float64Reference: p.GetValue(o.Float64Reference)));
            TheoryRunFolder.Write(folder, output.Result, output.Figure, output.LossCurve);
            TheoryConsole.WriteRun(console, output.Result);
            console.WriteLine($"wrote {folder}");
            if (output.Result.Training.Outcome == "diverged") return ExitCodes.Diverged;
            return output.Result.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    static Command Kernels()
    {
        var o = new TheoryOptions(includeArch: false, includeKernel: false, includeInit: true, defaultOut: "runs/theory", defaultMaxSteps: TheoryOptions.SweepMaxSteps);
        var kernels = new Option<string?>("--kernels") { Description = "Comma-separated odd kernel sizes [default: 1,3,...,33]" };
        var command = new Command("kernels", "Single-layer linear CNN for each kernel size: predicted and measured test error, rank and conditioning of P(x̂), " +
                                             "steps taken. Writes DIR/kernels.{json,csv,png}, a run folder per kernel, and DIR/theory.md.");
        o.AddTo(command);
        command.Options.Add(kernels);
        command.SetAction(p =>
        {
            var config = o.Resolve(p, kind: "cnn");
            var list = p.GetValue(kernels) is { } text ? ParseList(text, "--kernels", s => int.Parse(s, CultureInfo.InvariantCulture)) : TheorySweeps.DefaultKernels;
            return Sweep(p, o, config, (catalog, onRun) =>
                TheorySweeps.Kernels(config, list, p.GetValue(o.LearningRate), catalog, CommandLine(p), onRun, float64Reference: p.GetValue(o.Float64Reference)),
                r => $"k{r.Kernel:00}");
        });
        return command;
    }

    static Command Sigma()
    {
        var o = new TheoryOptions(includeArch: false, includeKernel: false, includeInit: false, defaultOut: "runs/theory");
        var sigmas = new Option<string?>("--sigmas") { Description = "Comma-separated Gaussian init standard deviations [default: 1e-4,3.16e-4,...,1e-1]" };
        var command = new Command("sigma", "Single-layer linear FCN with W0 ~ N(0, σ²) for each σ: measured and closed-form test error against the " +
                                           "expectation (1 + dσ²)‖Π⊥x‖². Writes DIR/sigma.{json,csv,png}, a run folder per σ, and DIR/theory.md.");
        o.AddTo(command);
        command.Options.Add(sigmas);
        command.SetAction(p =>
        {
            var config = o.Resolve(p, kind: "fcn");
            var list = p.GetValue(sigmas) is { } text ? ParseList(text, "--sigmas", s => double.Parse(s, CultureInfo.InvariantCulture)) : TheorySweeps.DefaultSigmas;
            return Sweep(p, o, config, (catalog, onRun) =>
                TheorySweeps.Sigmas(config, list, p.GetValue(o.LearningRate), catalog, CommandLine(p), onRun, float64Reference: p.GetValue(o.Float64Reference)),
                r => $"sigma{r.InitSigma:0.###e0}");
        });
        return command;
    }

    static int Sweep(ParseResult p, TheoryOptions o, RunConfig config,
                     Func<DataCatalog, Action<TheoryRunOutput>, TheorySweepResult> run, Func<TheoryRunResult, string> folderName)
    {
        var dir = p.GetValue(o.Out)!.FullName;
        var console = ConsoleFactory.Create(p.InvocationConfiguration.Output);
        var catalog = new DataCatalog(config.DataDir);
        Directory.CreateDirectory(dir);
        var sweep = run(catalog, output =>
        {
            TheoryRunFolder.Write(Path.Combine(dir, "runs", folderName(output.Result)), output.Result, output.Figure, output.LossCurve);
            TheoryConsole.WriteSweepPoint(console, output.Result);
        });
        TheorySweepFiles.Write(dir, sweep);
        TheoryMarkdown.Write(dir);
        console.WriteLine($"{sweep.Runs.Count} runs in {sweep.TotalSeconds:F0} s; wrote {Path.Combine(dir, sweep.Sweep + ".json")}, .csv, .png and {Path.Combine(dir, "theory.md")}");
        // Points that stop at the step cap are expected and reported, not an error; a diverged one means the step size was wrong.
        return sweep.Runs.Any(r => r.Training.Outcome == "diverged") ? ExitCodes.Diverged : ExitCodes.Ok;
    }

    static IReadOnlyList<T> ParseList<T>(string text, string option, Func<string, T> parse)
    {
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0) throw new ConfigException($"{option} is empty");
        try { return items.Select(parse).ToList(); }
        catch (FormatException) { throw new ConfigException($"{option} = '{text}' is not a comma-separated list of numbers"); }
        catch (OverflowException) { throw new ConfigException($"{option} = '{text}' holds a number out of range"); }
    }

    /// <summary>The command as typed, stored with the sweep so its numbers can be regenerated.</summary>
    static string CommandLine(ParseResult p) => "icrisis " + string.Join(' ', p.Tokens.Select(t => t.Value.Contains(' ') ? $"'{t.Value}'" : t.Value));
}

/// <summary>The options the theory subcommands share; each subcommand leaves out the ones it sweeps or fixes.</summary>
sealed class TheoryOptions(bool includeArch, bool includeKernel, bool includeInit, string? defaultOut, int defaultMaxSteps = TheoryOptions.DefaultMaxSteps)
{
    /// <summary>
    /// Plain GD with the optimal constant step needs about (κ/4)·ln(L0/tolerance) ≈ 5.6κ steps here, κ the
    /// condition number of P(x̂)ᵀP(x̂): 100,000 covers kernels up to about k = 17 (κ ≈ 1.5·10⁴).
    /// </summary>
    public const int DefaultMaxSteps = 100_000;
    /// <summary>
    /// The sweep's cap: 17 kernels in a few minutes on two shared cores (about 1 ms per step at k = 33).
    /// It converges k ≤ 7; the rest are reported as not converged and compared with the exact GD iterate.
    /// </summary>
    public const int SweepMaxSteps = 10_000;

    public readonly Option<string> Arch = new("--arch") { Description = "fcn or cnn", DefaultValueFactory = _ => "cnn" };
    public readonly Option<int> Kernel = new("--kernel") { Description = "CNN kernel size, odd", DefaultValueFactory = _ => 5 };
    public readonly Option<bool> Bias = new("--bias") { Description = "Give the layer a bias (the paper's theorems are bias-free)", DefaultValueFactory = _ => false };
    public readonly Option<string> Init = new("--init") { Description = "Initial weights: default (PyTorch's), he, glorot, gaussian", DefaultValueFactory = _ => "default" };
    public readonly Option<double> InitSigma = new("--init-sigma") { Description = "Standard deviation for --init gaussian", DefaultValueFactory = _ => 0.01 };
    public readonly Option<int> Seed = new("--seed") { Description = "Seed of the initial weights", DefaultValueFactory = _ => 0 };
    public readonly Option<double?> LearningRate = new("--lr") { Description = "GD step size [default: 2/(λ_max + λ_min⁺) of the loss Hessian; 1/λ for the FCN]" };
    public readonly Option<int> MaxSteps = new("--max-steps") { Description = "Most GD steps", DefaultValueFactory = _ => defaultMaxSteps };
    public readonly Option<double> Tolerance = new("--tolerance") { Description = "Stop when the training MSE falls below this", DefaultValueFactory = _ => TheoryTolerances.StoppingLoss };
    public readonly Option<string> Probes = new("--probes") { Description = "Comma-separated probe sets", DefaultValueFactory = _ => string.Join(",", new ProbeConfig().Sets) };
    public readonly Option<int> PerSet = new("--per-set") { Description = "Probes drawn per data-backed set", DefaultValueFactory = _ => 100 };
    public readonly Option<int> ProbeSeed = new("--probe-seed") { Description = "Seed of the probe draws", DefaultValueFactory = _ => new ProbeConfig().Seed };
    public readonly Option<int> TrainIndex = new("--train-index") { Description = "MNIST training index of x̂ (15: the first '7')", DefaultValueFactory = _ => new TrainingConfig().TrainIndex };
    // One thread: a single-channel 28x28 convolution is too small to gain from more, and on a shared
    // machine a second thread mostly waits for the other jobs (k = 5 trained 13x slower with two, at load 5).
    public readonly Option<int> Threads = new("--threads") { Description = "LibTorch threads, 0 = all cores", DefaultValueFactory = _ => 1 };
    public readonly Option<string?> DataDir = new("--data-dir") { Description = "Folder of fetched datasets [default: $ICRISIS_DATA_DIR or ~/.cache/icrisis/data, else the embedded pack]" };
    public readonly Option<bool> Float64Reference = new("--float64-reference")
    {
        Description = "Also rerun the GD in float64 and compare it with the exact GD iterate, to tell float32 rounding from closed-form error (doubles the work)",
    };
    public readonly Option<DirectoryInfo?> Out = new("--out")
    {
        Description = defaultOut is null ? "Run folder [default: runs/<time>-theory-<arch>]" : "Output folder",
        DefaultValueFactory = _ => defaultOut is null ? null : new DirectoryInfo(defaultOut),
    };

    public void AddTo(Command command)
    {
        if (includeArch) command.Options.Add(Arch);
        if (includeKernel) command.Options.Add(Kernel);
        command.Options.Add(Bias);
        if (includeInit) { command.Options.Add(Init); command.Options.Add(InitSigma); }
        foreach (var o in new Option[] { Seed, LearningRate, MaxSteps, Tolerance, Probes, PerSet, ProbeSeed, TrainIndex, Threads, DataDir, Float64Reference, Out })
            command.Options.Add(o);
    }

    /// <summary>A depth-1 linear network trained by full-batch plain GD on one image: the only setting the closed forms describe.</summary>
    public RunConfig Resolve(ParseResult p, string? kind = null)
    {
        int maxSteps = p.GetValue(MaxSteps);
        return new RunConfig
        {
            Architecture = new ArchitectureConfig
            {
                Kind = kind ?? p.GetValue(Arch)!, Depth = 1, Channels = 1, Kernel = includeKernel ? p.GetValue(Kernel) : 5,
                Padding = "zeros", Activation = "linear", Bias = p.GetValue(Bias),
                Init = includeInit ? p.GetValue(Init)! : "gaussian", InitSigma = p.GetValue(InitSigma),
            },
            Training = new TrainingConfig
            {
                Optimizer = "gd",
                // Replaced by the Hessian rule when --lr is not given (TheoryRun.Execute); 1 only passes validation.
                LearningRate = p.GetValue(LearningRate) ?? 1,
                MaxSteps = maxSteps, Tolerance = p.GetValue(Tolerance), Seed = p.GetValue(Seed), Threads = p.GetValue(Threads),
                Device = "cpu", TrainIndex = p.GetValue(TrainIndex), TrainImages = 1, BatchSize = 0,
                LogEvery = Math.Max(1, maxSteps / 1000),
            },
            Probes = new ProbeConfig
            {
                Sets = p.GetValue(Probes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                PerSet = p.GetValue(PerSet), Seed = p.GetValue(ProbeSeed),
            },
            DataDir = p.GetValue(DataDir) ?? "",
        };
    }
}

/// <summary>Console summaries of theory runs.</summary>
static class TheoryConsole
{
    public static void WriteRun(IAnsiConsole console, TheoryRunResult r)
    {
        var q = r.Quadratic;
        console.WriteLine($"{r.Architecture}: {r.Training.Outcome} after {r.Training.Steps} steps, loss {r.Training.FinalLoss:G3} (η = {q.StepSize:G4}, {r.Setup.LearningRateRule})");
        console.WriteLine($"A = {q.Matrix}: {q.Rows}x{q.Columns}, rank {q.Rank}, κ(AᵀA) = {q.ConditionNumber:G3}" +
                          (q.NullComponentNorm is { } n ? $", ‖Π_N(θ0 − θδ)‖ = {n:G3}" : ""));
        console.WriteLine($"weights: max |trained − θ∞| = {r.Weights.TrainedVsLimit:G3}, max |trained − θ_t| = {r.Weights.TrainedVsIterate:G3}");
        if (r.Float64Gd is { } g)
            console.WriteLine($"float64 GD ({g.Steps} steps, {g.Seconds:F1} s): outputs vs θ_t {g.OutputsVsIterate:G3}, float32 trained vs float64 GD {g.TrainedVsFloat64Outputs:G3}");
        bool fcn = r.Kind == "fcn";
        var table = new Table().AddColumns("set", "n", "max|Δ| θ∞", "max|Δ| θ_t", "MSE measured", "MSE closed form", fcn ? "MSE expected" : "bound ratio (pred / trained)", fcn ? "decomposition err" : "bound holds");
        foreach (var s in r.Sets.Append(r.All))
            table.AddRow(Markup.Escape(s.Set), s.Count.ToString(CultureInfo.InvariantCulture), G(s.MaxAbsOutputDiff), G(s.MaxAbsOutputDiffIterate),
                         G(s.MeasuredMse), G(s.PredictedMse),
                         fcn ? G(s.ExpectedMse) : $"{G(s.BoundWorstRatioPredicted)} / {G(s.BoundWorstRatioMeasured)}",
                         fcn ? G(s.DecompositionMaxAbsError) : $"{s.BoundHoldsPredicted} / {s.BoundHoldsMeasured}");
        console.Write(table);
        foreach (var c in r.Checks)
            console.WriteLine($"{(c.Passed ? "PASS" : "FAIL")}  {c.Name}: {G(c.Value)} (limit {G(c.Limit)})");
    }

    public static void WriteSweepPoint(IAnsiConsole console, TheoryRunResult r)
    {
        var a = r.Setup.Config.Architecture;
        string point = r.Kind == "cnn" ? $"k={a.Kernel,2}" : $"σ={a.InitSigma,-8:G3}";
        console.WriteLine($"{point}  {r.Training.Outcome,-9} {r.Training.Steps,7} steps  loss {r.Training.FinalLoss,-9:G3}  rank {r.Quadratic.Rank,4}/{r.Quadratic.Columns,-4}  " +
                          $"κ {r.Quadratic.ConditionNumber,-9:G3}  MSE measured {r.All.MeasuredMse,-9:G3} closed form {r.All.PredictedMse,-9:G3} at θ_t {r.All.IterateMse,-9:G3}  " +
                          $"max|Δ| θ∞ {r.All.MaxAbsOutputDiff:G2} θ_t {r.All.MaxAbsOutputDiffIterate:G2}" +
                          (r.Float64Gd is { } g ? $" float64-GD vs θ_t {g.OutputsVsIterate:G2}" : "") + $"  {r.Training.Seconds:F1} s");
    }

    static string G(double? v) => v is { } x ? x.ToString("G3", CultureInfo.InvariantCulture) : "-";
}
