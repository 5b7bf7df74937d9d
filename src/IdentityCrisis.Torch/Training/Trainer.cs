using System.Diagnostics;
using IdentityCrisis.Architectures;
using IdentityCrisis.Config;
using IdentityCrisis.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace IdentityCrisis.Training;

/// <summary>
/// Trains a network to reproduce its training images (MSE of f(x) against x).
/// Each step runs inside its own dispose scope so native memory is returned every step.
/// A NaN or infinite loss stops training and is reported as diverged, never thrown.
/// </summary>
public sealed class Trainer
{
    /// <summary>Called after each recorded step with (step, loss). Cheap; runs on the training thread.</summary>
    public Action<int, double>? Progress { get; init; }
    public CancellationToken Cancellation { get; init; }

    /// <param name="images">[N,1,28,28] training images on the network's device.</param>
    public TrainingResult Train(ImageNetwork network, Tensor images, TrainingConfig t)
    {
        var clock = Stopwatch.StartNew();
        var curve = new List<LossPoint>();
        long n = images.shape[0];
        int batch = t.BatchSize <= 0 || t.BatchSize >= n ? (int)n : t.BatchSize;
        using var optimizer = OptimizerFactory.Create(network.parameters(), t);
        using var shuffler = new Generator((ulong)t.Seed, images.device);
        Tensor? order = null;
        long cursor = n;

        network.train();
        int step = 0;
        TrainingOutcome outcome = TrainingOutcome.MaxSteps;
        int? divergedAt = null;
        double lastLoss = double.NaN;
        while (true)
        {
            Cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            Tensor x;
            if (batch == n) x = images;
            else
            {
                if (cursor + batch > n)
                {
                    order?.Dispose();
                    order = torch.randperm(n, generator: shuffler, device: images.device).MoveToOuterDisposeScope();
                    cursor = 0;
                }
                x = images.index_select(0, order!.narrow(0, cursor, batch));
                cursor += batch;
            }
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(network.call(x), x);
            double value = loss.item<float>();
            lastLoss = value;
            bool last = step == t.MaxSteps;
            if (!double.IsFinite(value))
            {
                outcome = TrainingOutcome.Diverged;
                divergedAt = step;
                Record(curve, step, value, force: true);
                break;
            }
            if (value < t.Tolerance && batch == n)
            {
                outcome = TrainingOutcome.Converged;
                Record(curve, step, value, force: true);
                break;
            }
            Record(curve, step, value, force: step == 0 || last || step % t.LogEvery == 0);
            if (last) break;
            loss.backward();
            optimizer.step();
            step++;
        }
        order?.Dispose();
        network.eval();

        double final = outcome == TrainingOutcome.Diverged || batch == n ? lastLoss : FullLoss(network, images);
        if (batch != n && outcome != TrainingOutcome.Diverged && final < t.Tolerance) outcome = TrainingOutcome.Converged;
        return new TrainingResult
        {
            Outcome = outcome,
            Steps = step,
            FinalLoss = final,
            DivergedAtStep = divergedAt,
            LossCurve = curve,
            Seconds = clock.Elapsed.TotalSeconds,
        };

        void Record(List<LossPoint> c, int s, double v, bool force)
        {
            if (!force) return;
            c.Add(new LossPoint(s, v));
            Progress?.Invoke(s, v);
        }
    }

    /// <summary>Mean MSE over all images, in chunks so 60k images fit in memory.</summary>
    public static double FullLoss(ImageNetwork network, Tensor images, int chunk = 1024)
    {
        using var noGrad = torch.no_grad();
        double sum = 0;
        long n = images.shape[0];
        for (long i = 0; i < n; i += chunk)
        {
            using var scope = NewDisposeScope();
            var x = images.narrow(0, i, Math.Min(chunk, n - i));
            sum += nn.functional.mse_loss(network.call(x), x, reduction: nn.Reduction.Sum).item<float>();
        }
        return sum / (n * images.shape[1] * images.shape[2] * images.shape[3]);
    }
}
