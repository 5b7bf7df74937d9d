using IdentityCrisis.Data;
using IdentityCrisis.Results;
using IdentityCrisis.Runtime;
using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Experiments;

/// <summary>
/// Runs sweep trials in this process. LibTorch's intra-op pool is process-wide, so the
/// thread count is fixed once for the whole sweep and overrides each trial's own setting.
/// </summary>
public sealed class TorchTrialExecutor(DataCatalog catalog, int threads) : ITrialExecutor
{
    public int Threads { get; private set; }

    public void Prepare(int workers) => Threads = TorchRuntime.EnsureThreads(threads);

    public TrialOutput Execute(Trial trial, bool captureLayers, Action<int, double> progress, CancellationToken cancel)
    {
        var config = trial.Config with { Training = trial.Config.Training with { Threads = Threads } };
        var run = SingleRun.Execute(config, catalog, progress, cancel, captureLayers);
        return new TrialOutput(run.Record, run.Layers);
    }
}
