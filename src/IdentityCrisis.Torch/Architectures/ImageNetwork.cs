using IdentityCrisis.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Architectures;

/// <summary>
/// A network mapping [N,1,28,28] to [N,1,28,28]. Subclasses expose every layer's output so
/// probing can show what each hidden layer computes (the paper's Figure 4).
/// </summary>
public abstract class ImageNetwork : nn.Module<Tensor, Tensor>
{
    protected ImageNetwork(string name, ArchitectureConfig config) : base(name) => Config = config;

    public ArchitectureConfig Config { get; }

    /// <summary>The weight layers in order (Linear or Conv2d), for initialization and inspection.</summary>
    public abstract IReadOnlyList<nn.Module<Tensor, Tensor>> WeightLayers { get; }

    /// <summary>
    /// Output of each weight layer after its activation: entries 0..depth-2 are hidden
    /// activations ([N,width] for an FCN, [N,C,28,28] for a CNN), the last is the network
    /// output [N,1,28,28].
    /// </summary>
    public abstract IReadOnlyList<Tensor> ForwardLayers(Tensor input);

    public override Tensor forward(Tensor input) => ForwardLayers(input)[^1];

    protected Tensor Activate(Tensor t) => Config.Activation == "relu" ? nn.functional.relu(t) : t;

    public long ParameterCount() => parameters().Sum(p => p.numel());
}
