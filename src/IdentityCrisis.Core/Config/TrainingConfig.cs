namespace IdentityCrisis.Config;

/// <summary>How to train. Defaults follow the core acceptance runs (Adam, lr 1e-4).</summary>
public sealed record TrainingConfig
{
    /// <summary>gd (plain gradient descent), momentum (SGD with momentum), adam.</summary>
    public string Optimizer { get; init; } = "adam";
    public double LearningRate { get; init; } = 1e-4;
    /// <summary>Momentum coefficient for optimizer = momentum.</summary>
    public double Momentum { get; init; } = 0.9;
    public int MaxSteps { get; init; } = 2000;
    /// <summary>Stop as soon as the training MSE is below this value (0 = never stop early).</summary>
    public double Tolerance { get; init; } = 1e-6;
    /// <summary>Seeds the initial weights (and minibatch order when batchSize &gt; 0).</summary>
    public int Seed { get; init; } = 0;
    /// <summary>Intra-op threads for LibTorch; 0 = all cores. Part of the reproducibility key.</summary>
    public int Threads { get; init; } = 0;
    /// <summary>cpu, cuda or cuda:N.</summary>
    public string Device { get; init; } = "cpu";
    /// <summary>Index of the training image in the MNIST training set (x̂). 15 is the first '7'.</summary>
    public int TrainIndex { get; init; } = 15;
    /// <summary>How many training images: x̂ plus the next (count-1) MNIST training images.</summary>
    public int TrainImages { get; init; } = 1;
    /// <summary>Minibatch size; 0 = full batch (the paper's setting).</summary>
    public int BatchSize { get; init; } = 0;
    /// <summary>Record the loss every this many steps (the first and last step always).</summary>
    public int LogEvery { get; init; } = 1;

    public static readonly string[] Optimizers = ["gd", "momentum", "adam"];
    public const int MnistTrainCount = 60000;

    public IEnumerable<string> Validate(string prefix = "training")
    {
        if (!Optimizers.Contains(Optimizer))
            yield return $"{prefix}.optimizer = '{Optimizer}' is unknown; valid: {string.Join(", ", Optimizers)}";
        if (!(LearningRate > 0 && double.IsFinite(LearningRate)))
            yield return $"{prefix}.learningRate = {LearningRate} must be a finite number > 0";
        if (!(Momentum >= 0 && Momentum < 1))
            yield return $"{prefix}.momentum = {Momentum} is out of range; valid: [0, 1)";
        if (MaxSteps < 0)
            yield return $"{prefix}.maxSteps = {MaxSteps} must be >= 0";
        if (!(Tolerance >= 0 && double.IsFinite(Tolerance)))
            yield return $"{prefix}.tolerance = {Tolerance} must be a finite number >= 0";
        if (Threads < 0 || Threads > 1024)
            yield return $"{prefix}.threads = {Threads} is out of range; valid: 0 (all cores) .. 1024";
        if (!(Device == "cpu" || Device == "cuda" || (Device.StartsWith("cuda:") && int.TryParse(Device[5..], out var d) && d >= 0)))
            yield return $"{prefix}.device = '{Device}' is unknown; valid: cpu, cuda, cuda:N";
        if (TrainIndex < 0 || TrainIndex >= MnistTrainCount)
            yield return $"{prefix}.trainIndex = {TrainIndex} is out of range; valid: 0..{MnistTrainCount - 1}";
        if (TrainImages < 1 || TrainImages > MnistTrainCount)
            yield return $"{prefix}.trainImages = {TrainImages} is out of range; valid: 1..{MnistTrainCount}";
        if (BatchSize < 0)
            yield return $"{prefix}.batchSize = {BatchSize} must be >= 0 (0 = full batch)";
        if (LogEvery < 1)
            yield return $"{prefix}.logEvery = {LogEvery} must be >= 1";
    }
}
