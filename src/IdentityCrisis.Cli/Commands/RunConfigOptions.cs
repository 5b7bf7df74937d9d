using System.CommandLine;
using IdentityCrisis.Config;

namespace IdentityCrisis.Cli.Commands;

/// <summary>
/// One flag per RunConfig field. Resolution order: built-in defaults, then --config FILE,
/// then flags given on the command line (a flag only overrides when it was typed).
/// </summary>
public sealed class RunConfigOptions
{
    public readonly Option<FileInfo?> Config = new("--config") { Description = "JSON run config (unknown keys are rejected; see docs/config.md). Flags override it." };
    public readonly Option<string?> Name = new("--name") { Description = "Run name (default: derived from the architecture)" };
    public readonly Option<string?> Arch = new("--arch") { Description = "Architecture: fcn or cnn [default: cnn]" };
    public readonly Option<int?> Depth = new("--depth") { Description = "Weight layers (FCN) / conv layers (CNN), >= 1 [default: 3]" };
    public readonly Option<int?> Width = new("--width") { Description = "FCN hidden width [default: 784]" };
    public readonly Option<int?> Channels = new("--channels") { Description = "CNN hidden channels [default: 32]" };
    public readonly Option<int?> Kernel = new("--kernel") { Description = "CNN kernel size, odd [default: 5]" };
    public readonly Option<string?> Padding = new("--padding") { Description = "CNN padding mode: zeros, circular, reflect [default: zeros]" };
    public readonly Option<string?> Activation = new("--activation") { Description = "Hidden activation: relu or linear [default: relu]" };
    public readonly Option<bool?> Bias = new("--bias") { Description = "Use biases: true or false [default: true]" };
    public readonly Option<string?> Init = new("--init") { Description = "Initialization: default (PyTorch's), he, glorot, gaussian [default: default]" };
    public readonly Option<double?> InitSigma = new("--init-sigma") { Description = "Standard deviation for --init gaussian [default: 0.01]" };
    public readonly Option<string?> Optimizer = new("--optimizer") { Description = "gd, momentum or adam [default: adam]" };
    public readonly Option<double?> LearningRate = new("--lr") { Description = "Learning rate [default: 1e-4]" };
    public readonly Option<double?> Momentum = new("--momentum") { Description = "Momentum for --optimizer momentum [default: 0.9]" };
    public readonly Option<int?> MaxSteps = new("--max-steps") { Description = "Most parameter updates [default: 2000]" };
    public readonly Option<double?> Tolerance = new("--tolerance") { Description = "Stop when the training MSE falls below this; 0 = never [default: 1e-6]" };
    public readonly Option<int?> Seed = new("--seed") { Description = "Seed of the initial weights [default: 0]" };
    public readonly Option<int?> Threads = new("--threads") { Description = "LibTorch threads, 0 = all cores [default: 0]" };
    public readonly Option<string?> Device = new("--device") { Description = "cpu, cuda or cuda:N [default: cpu]" };
    public readonly Option<int?> TrainIndex = new("--train-index") { Description = "MNIST training index of x̂ [default: 15, the first '7']" };
    public readonly Option<int?> TrainImages = new("--train-images") { Description = "Number of training images (x̂ plus the first others) [default: 1]" };
    public readonly Option<int?> BatchSize = new("--batch-size") { Description = "Minibatch size, 0 = full batch [default: 0]" };
    public readonly Option<int?> LogEvery = new("--log-every") { Description = "Record the loss every N steps [default: 1]" };
    public readonly Option<string?> Probes = new("--probes") { Description = "Comma-separated probe sets: mnist,fashion,natural,cifar,noise,patterns,mix [default: all but cifar]" };
    public readonly Option<int?> PerSet = new("--per-set") { Description = "Probes drawn per data-backed set [default: 100]" };
    public readonly Option<int?> ProbeSeed = new("--probe-seed") { Description = "Seed of the probe draws [default: 1234]" };
    public readonly Option<double?> VerdictThreshold = new("--verdict-threshold") { Description = "Skill needed for an identity/constant verdict [default: 0.8]" };
    public readonly Option<string?> DataDir = new("--data-dir") { Description = "Folder of fetched datasets [default: $ICRISIS_DATA_DIR or ~/.cache/icrisis/data]" };

    public IEnumerable<Option> All =>
    [
        Config, Name, Arch, Depth, Width, Channels, Kernel, Padding, Activation, Bias, Init, InitSigma,
        Optimizer, LearningRate, Momentum, MaxSteps, Tolerance, Seed, Threads, Device, TrainIndex, TrainImages,
        BatchSize, LogEvery, Probes, PerSet, ProbeSeed, VerdictThreshold, DataDir,
    ];

    public void AddTo(Command command)
    {
        foreach (var o in All) command.Options.Add(o);
    }

    /// <summary>Builds the resolved config; does not validate (callers call EnsureValid to report every problem at once).</summary>
    public RunConfig Resolve(ParseResult p, RunConfig? defaults = null)
    {
        var file = p.GetValue(Config);
        var c = file is not null ? ConfigJson.LoadRun(file.FullName) : defaults ?? new RunConfig();
        var a = c.Architecture;
        var t = c.Training;
        var pr = c.Probes;
        a = a with
        {
            Kind = p.GetValue(Arch) ?? a.Kind,
            Depth = p.GetValue(Depth) ?? a.Depth,
            Width = p.GetValue(Width) ?? a.Width,
            Channels = p.GetValue(Channels) ?? a.Channels,
            Kernel = p.GetValue(Kernel) ?? a.Kernel,
            Padding = p.GetValue(Padding) ?? a.Padding,
            Activation = p.GetValue(Activation) ?? a.Activation,
            Bias = p.GetValue(Bias) ?? a.Bias,
            Init = p.GetValue(Init) ?? a.Init,
            InitSigma = p.GetValue(InitSigma) ?? a.InitSigma,
        };
        t = t with
        {
            Optimizer = p.GetValue(Optimizer) ?? t.Optimizer,
            LearningRate = p.GetValue(LearningRate) ?? t.LearningRate,
            Momentum = p.GetValue(Momentum) ?? t.Momentum,
            MaxSteps = p.GetValue(MaxSteps) ?? t.MaxSteps,
            Tolerance = p.GetValue(Tolerance) ?? t.Tolerance,
            Seed = p.GetValue(Seed) ?? t.Seed,
            Threads = p.GetValue(Threads) ?? t.Threads,
            Device = p.GetValue(Device) ?? t.Device,
            TrainIndex = p.GetValue(TrainIndex) ?? t.TrainIndex,
            TrainImages = p.GetValue(TrainImages) ?? t.TrainImages,
            BatchSize = p.GetValue(BatchSize) ?? t.BatchSize,
            LogEvery = p.GetValue(LogEvery) ?? t.LogEvery,
        };
        pr = pr with
        {
            Sets = p.GetValue(Probes) is { } sets ? sets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : pr.Sets,
            PerSet = p.GetValue(PerSet) ?? pr.PerSet,
            Seed = p.GetValue(ProbeSeed) ?? pr.Seed,
            VerdictThreshold = p.GetValue(VerdictThreshold) ?? pr.VerdictThreshold,
        };
        return c with
        {
            Name = p.GetValue(Name) ?? c.Name,
            Architecture = a,
            Training = t,
            Probes = pr,
            DataDir = p.GetValue(DataDir) ?? c.DataDir,
        };
    }
}
