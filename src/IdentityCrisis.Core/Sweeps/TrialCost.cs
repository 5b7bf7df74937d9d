using IdentityCrisis.Config;

namespace IdentityCrisis.Sweeps;

/// <summary>Rough multiply-adds per training step, used only to weight the ETA (deep wide CNNs dominate a sweep).</summary>
public static class TrialCost
{
    public static double PerStep(RunConfig c)
    {
        var a = c.Architecture;
        double images = c.Training.BatchSize > 0 ? Math.Min(c.Training.BatchSize, c.Training.TrainImages) : c.Training.TrainImages;
        double perImage = a.Kind switch
        {
            "fcn" => a.Depth == 1 ? 784.0 * 784 : 784.0 * a.Width * 2 + (a.Depth - 2) * (double)a.Width * a.Width,
            _ => ImageGeometry.Pixels * (double)a.Kernel * a.Kernel *
                 (a.Depth == 1 ? 1 : 2.0 * a.Channels + (a.Depth - 2) * (double)a.Channels * a.Channels),
        };
        return 3 * perImage * images + 1;   // forward + backward ~ 3x forward
    }

    public static double Total(RunConfig c) => PerStep(c) * Math.Max(c.Training.MaxSteps, 1);
}
