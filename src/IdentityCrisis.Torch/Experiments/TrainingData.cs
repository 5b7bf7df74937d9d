using IdentityCrisis.Config;
using IdentityCrisis.Data;
using IdentityCrisis.Results;

namespace IdentityCrisis.Experiments;

/// <summary>Resolves the training images: x̂ = MNIST training image trainIndex, then the first (trainImages-1) others in index order.</summary>
public static class TrainingData
{
    public static (IReadOnlyList<float[]> Images, TrainImageInfo Info) Select(TrainingConfig t, DataCatalog catalog)
    {
        var train = catalog.Load("mnist-train");
        int pos = train.PositionOf(t.TrainIndex);
        if (pos < 0)
            throw new ConfigException($"training.trainIndex = {t.TrainIndex} is not in the available MNIST training images ({train.Source}, {train.Count} images, " +
                                      $"indices {train.SourceIndices.Min()}..{train.SourceIndices.Max()}); run `icrisis data fetch --mnist` for all 60000");
        if (t.TrainImages > train.Count)
            throw new ConfigException($"training.trainImages = {t.TrainImages} exceeds the {train.Count} MNIST training images available ({train.Source}); " +
                                      "run `icrisis data fetch --mnist` for all 60000");
        var images = new List<float[]>(t.TrainImages) { train.Images[pos] };
        for (int i = 0; images.Count < t.TrainImages; i++)
            if (i != pos) images.Add(train.Images[i]);
        return (images, new TrainImageInfo(t.TrainIndex, train.Labels[pos], t.TrainImages, train.Source));
    }
}
