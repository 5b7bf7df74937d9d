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
    /// output [N,1,28,28]. The output layer never takes the activation.
    /// </summary>
    public IReadOnlyList<Tensor> ForwardLayers(Tensor input)
    {
        var layers = WeightLayers;
        var outputs = new List<Tensor>(layers.Count);
        var h = ToLayerInput(input);
        for (int i = 0; i < layers.Count; i++)
        {
            h = layers[i].call(h);
            if (i < layers.Count - 1) h = Activate(h);
            outputs.Add(h);
        }
        outputs[^1] = ToImage(outputs[^1], input);
        return outputs;
    }

    /// <summary>What the first layer takes, from the [N,1,28,28] input.</summary>
    protected virtual Tensor ToLayerInput(Tensor input) => input;

    /// <summary>The last layer's output as [N,1,28,28].</summary>
    protected virtual Tensor ToImage(Tensor output, Tensor input) => output;

    public override Tensor forward(Tensor input) => ForwardLayers(input)[^1];

    protected Tensor Activate(Tensor t) => Config.Activation == "relu" ? nn.functional.relu(t) : t;

    public long ParameterCount() => parameters().Sum(p => p.numel());
}
