namespace IdentityCrisis.Probes;

/// <summary>Anything that maps 28x28 images to 28x28 images: a trained network, or a hand-built function in tests.</summary>
public interface IImageFunction
{
    IReadOnlyList<float[]> Apply(IReadOnlyList<float[]> inputs);
}
