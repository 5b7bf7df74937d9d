using IdentityCrisis.Architectures;
using IdentityCrisis.Config;
using IdentityCrisis.Probing;
using IdentityCrisis.Results;
using IdentityCrisis.Training;
using TorchSharp;

namespace IdentityCrisis.Tests.Training;

[Collection("torch")]
public class TrainerTests
{
    static (TrainingResult, float[] Weights) TrainOnce(ArchitectureConfig a, TrainingConfig t)
    {
        TorchTestSetup.Init();
        torch.manual_seed(t.Seed);
        using var net = ArchitectureRegistry.Create(a);
        using var x = torch.tensor(TestData.TrainingSeven, [1, 1, 28, 28]);
        var r = new Trainer().Train(net, x, t);
        return (r, WeightExport.Export(net).SelectMany(w => w.Data).ToArray());
    }

    [Fact]
    public void SameSeedAndThreadsGiveBitIdenticalWeights()
    {
        var a = new ArchitectureConfig { Kind = "cnn", Depth = 3, Channels = 8, Kernel = 5 };
        var t = new TrainingConfig { MaxSteps = 15, Tolerance = 0, LearningRate = 1e-3, Seed = 42 };
        var (r1, w1) = TrainOnce(a, t);
        var (r2, w2) = TrainOnce(a, t);
        var (_, w3) = TrainOnce(a, t with { Seed = 43 });
        Assert.Equal(r1.LossCurve, r2.LossCurve);
        Assert.True(w1.AsSpan().SequenceEqual(w2), "same seed gave different weights");
        Assert.False(w1.AsSpan().SequenceEqual(w3), "different seeds gave the same weights");
    }

    [Fact]
    public void AHugeLearningRateIsReportedAsDivergedNotThrown()
    {
        var (r, _) = TrainOnce(new ArchitectureConfig { Kind = "fcn", Depth = 3, Width = 64 },
                               new TrainingConfig { Optimizer = "gd", LearningRate = 1e6, MaxSteps = 200, Tolerance = 0 });
        Assert.Equal(TrainingOutcome.Diverged, r.Outcome);
        Assert.NotNull(r.DivergedAtStep);
        Assert.True(r.DivergedAtStep < 200);
        Assert.False(double.IsFinite(r.LossCurve[^1].Loss));
        Assert.Equal(r.DivergedAtStep, r.Steps);
    }

    [Fact]
    public void StopsAtTheTolerance()
    {
        var (r, _) = TrainOnce(new ArchitectureConfig { Kind = "cnn", Depth = 1, Kernel = 3, Activation = "linear" },
                               new TrainingConfig { Optimizer = "adam", LearningRate = 1e-2, MaxSteps = 5000, Tolerance = 1e-4 });
        Assert.Equal(TrainingOutcome.Converged, r.Outcome);
        Assert.True(r.FinalLoss < 1e-4);
        Assert.True(r.Steps < 5000);
        Assert.Equal(r.Steps, r.LossCurve[^1].Step);
    }

    [Fact]
    public void MinibatchesCoverSeveralImages()
    {
        TorchTestSetup.Init();
        torch.manual_seed(0);
        using var net = ArchitectureRegistry.Create(new ArchitectureConfig { Kind = "fcn", Depth = 1, Activation = "linear" });
        var train = TestData.Catalog.Load("mnist-train");
        using var x = IdentityCrisis.Probing.TensorImages.ToTensor(train.Images.Take(10).ToList(), torch.CPU);
        var r = new Trainer().Train(net, x, new TrainingConfig { Optimizer = "adam", LearningRate = 1e-3, MaxSteps = 30, Tolerance = 0, BatchSize = 4 });
        Assert.Equal(30, r.Steps);
        Assert.True(r.FinalLoss < r.LossCurve[0].Loss);
        Assert.Equal(Trainer.FullLoss(net, x), r.FinalLoss, 9);
    }
}
