using IdentityCrisis.Config;

namespace IdentityCrisis.Data;

/// <summary>
/// A list of 28x28 grayscale images (row-major float[784], pixels in [0,1]) with their
/// labels and their indices in the original dataset file, so every image a result
/// mentions can be traced back to its source.
/// </summary>
public sealed class ImageSet
{
    public string Name { get; }
    public IReadOnlyList<float[]> Images { get; }
    /// <summary>Class label per image, or -1 where the source has none.</summary>
    public IReadOnlyList<int> Labels { get; }
    /// <summary>Index of each image in its source file (e.g. MNIST training index).</summary>
    public IReadOnlyList<int> SourceIndices { get; }
    /// <summary>Where the images came from: "embedded pack" or a file path.</summary>
    public string Source { get; }

    public ImageSet(string name, IReadOnlyList<float[]> images, IReadOnlyList<int> labels, IReadOnlyList<int> sourceIndices, string source)
    {
        if (images.Count != labels.Count || images.Count != sourceIndices.Count)
            throw new ArgumentException($"image set '{name}': {images.Count} images, {labels.Count} labels, {sourceIndices.Count} indices");
        foreach (var img in images)
            if (img.Length != ImageGeometry.Pixels)
                throw new ArgumentException($"image set '{name}': an image has {img.Length} pixels, expected {ImageGeometry.Pixels}");
        Name = name; Images = images; Labels = labels; SourceIndices = sourceIndices; Source = source;
    }

    public int Count => Images.Count;

    /// <summary>Position of the image whose source index is <paramref name="sourceIndex"/>, or -1.</summary>
    public int PositionOf(int sourceIndex)
    {
        for (int i = 0; i < SourceIndices.Count; i++)
            if (SourceIndices[i] == sourceIndex) return i;
        return -1;
    }
}
