using IdentityCrisis.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Training;

public static class OptimizerFactory
{
    public static optim.Optimizer Create(IEnumerable<TorchSharp.Modules.Parameter> parameters, TrainingConfig t) => t.Optimizer switch
    {
        "gd" => optim.SGD(parameters, t.LearningRate),
        "momentum" => optim.SGD(parameters, t.LearningRate, momentum: t.Momentum),
        "adam" => optim.Adam(parameters, t.LearningRate),
        _ => throw new ConfigException($"training.optimizer = '{t.Optimizer}' is unknown; valid: {string.Join(", ", TrainingConfig.Optimizers)}"),
    };
}
