using System.Text.Json.Serialization;

namespace IdentityCrisis.Config;

/// <summary>
/// What network to build. One record for both families so a sweep can vary any field;
/// fields that do not apply to a family (width for a CNN, kernel for an FCN) are ignored
/// by it and say so in <see cref="Describe"/>.
/// </summary>
public sealed record ArchitectureConfig
{
    /// <summary>Registry name: "fcn" or "cnn" (see ArchitectureRegistry).</summary>
    public string Kind { get; init; } = "cnn";
    /// <summary>Number of weight layers (FCN) or conv layers (CNN), at least 1.</summary>
    public int Depth { get; init; } = 3;
    /// <summary>FCN hidden width.</summary>
    public int Width { get; init; } = 784;
    /// <summary>CNN hidden channels C (1 -> C -> ... -> C -> 1).</summary>
    public int Channels { get; init; } = 32;
    /// <summary>CNN kernel size k (odd), stride 1, "same" padding k/2.</summary>
    public int Kernel { get; init; } = 5;
    /// <summary>CNN padding mode: zeros, circular or reflect.</summary>
    public string Padding { get; init; } = "zeros";
    /// <summary>Hidden activation: relu or linear. The output layer never has one.</summary>
    public string Activation { get; init; } = "relu";
    public bool Bias { get; init; } = true;
    /// <summary>default (the framework's), he, glorot, or gaussian (with InitSigma).</summary>
    public string Init { get; init; } = "default";
    /// <summary>Standard deviation for Init = gaussian.</summary>
    public double InitSigma { get; init; } = 0.01;

    public static readonly string[] Kinds = ["fcn", "cnn"];
    public static readonly string[] PaddingModes = ["zeros", "circular", "reflect"];
    public static readonly string[] Activations = ["relu", "linear"];
    public static readonly string[] Inits = ["default", "he", "glorot", "gaussian"];

    public const int MaxDepth = 256;
    public const int MaxWidth = 65536;
    public const int MaxChannels = 4096;
    /// <summary>Largest kernel whose every tap can still touch a 28-pixel image (2*28-1).</summary>
    public const int MaxKernel = 2 * ImageGeometry.Side - 1;

    public IEnumerable<string> Validate(string prefix = "architecture")
    {
        if (!Kinds.Contains(Kind))
            yield return $"{prefix}.kind = '{Kind}' is unknown; valid: {string.Join(", ", Kinds)}";
        if (Depth < 1 || Depth > MaxDepth)
            yield return $"{prefix}.depth = {Depth} is out of range; valid: 1..{MaxDepth}";
        if (!Activations.Contains(Activation))
            yield return $"{prefix}.activation = '{Activation}' is unknown; valid: {string.Join(", ", Activations)}";
        if (!Inits.Contains(Init))
            yield return $"{prefix}.init = '{Init}' is unknown; valid: {string.Join(", ", Inits)}";
        if (Init == "gaussian" && !(InitSigma > 0 && double.IsFinite(InitSigma)))
            yield return $"{prefix}.initSigma = {InitSigma} must be a finite number > 0 for init gaussian";
        if (Kind == "fcn" && (Width < 1 || Width > MaxWidth))
            yield return $"{prefix}.width = {Width} is out of range; valid: 1..{MaxWidth}";
        if (Kind == "cnn")
        {
            if (Channels < 1 || Channels > MaxChannels)
                yield return $"{prefix}.channels = {Channels} is out of range; valid: 1..{MaxChannels}";
            if (Kernel < 1 || Kernel > MaxKernel || Kernel % 2 == 0)
                yield return $"{prefix}.kernel = {Kernel} is invalid; valid: an odd number in 1..{MaxKernel} (same padding needs an odd kernel; larger kernels never touch the 28x28 image)";
            if (!PaddingModes.Contains(Padding))
                yield return $"{prefix}.padding = '{Padding}' is unknown; valid: {string.Join(", ", PaddingModes)}";
        }
    }

    /// <summary>Short human label, e.g. "cnn d=3 C=32 k=5 relu".</summary>
    public string Describe() => Kind switch
    {
        "fcn" => $"fcn d={Depth} w={Width} {Activation}" + (Bias ? "" : " nobias") + (Init != "default" ? $" init={InitLabel}" : ""),
        "cnn" => $"cnn d={Depth} C={Channels} k={Kernel} {Activation}" + (Padding != "zeros" ? $" pad={Padding}" : "") + (Bias ? "" : " nobias") + (Init != "default" ? $" init={InitLabel}" : ""),
        _ => Kind,
    };

    [JsonIgnore]
    public string InitLabel => Init == "gaussian" ? $"gaussian({InitSigma:G3})" : Init;
}
