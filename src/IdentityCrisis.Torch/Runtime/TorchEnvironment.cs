using IdentityCrisis.Results;

namespace IdentityCrisis.Runtime;

public static class TorchEnvironment
{
    public static EnvironmentInfo Capture(int threads, string device) => EnvironmentInfo.Capture() with
    {
        TorchSharpVersion = TorchRuntime.TorchSharpVersion,
        LibTorchVersion = TorchRuntime.LibTorchVersion,
        Threads = threads,
        Device = device,
    };
}
