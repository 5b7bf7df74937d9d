using IdentityCrisis.Runtime;

namespace IdentityCrisis.Tests;

/// <summary>LibTorch threads are process-wide: every test uses the same count (all cores).</summary>
public static class TorchTestSetup
{
    public static void Init() => TorchRuntime.EnsureThreads(0);
}

[CollectionDefinition("torch", DisableParallelization = true)]
public class TorchCollection;
