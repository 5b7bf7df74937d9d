using IdentityCrisis.Results;

namespace IdentityCrisis.Sweeps;

/// <summary>Runs one trial. The LibTorch implementation lives in the training project; tests may substitute their own.</summary>
public interface ITrialExecutor
{
    /// <summary>Called once, before any trial, with the worker count, so the executor can size its thread pool.</summary>
    void Prepare(int workers);

    TrialOutput Execute(Trial trial, bool captureLayers, Action<int, double> progress, CancellationToken cancel);
}
