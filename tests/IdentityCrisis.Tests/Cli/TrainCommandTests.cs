using System.Text.Json;
using IdentityCrisis.Cli;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Tests.Cli;

[Collection("torch")]
public class TrainCommandTests
{
    [Fact]
    public void UnknownFlagIsABadInputError()
    {
        var (exit, _, err) = CliRunner.Run("train", "--dept", "3");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--dept", err);
        Assert.Contains("--help", err);
    }

    [Fact]
    public void NonNumericValueIsABadInputError()
    {
        var (exit, _, err) = CliRunner.Run("train", "--depth", "three");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("three", err);
    }

    [Fact]
    public void ImpossibleArchitectureIsNamedBeforeTraining()
    {
        var dir = CliRunner.TempDir("icrisis-bad");
        var (exit, _, err) = CliRunner.Run("train", "--kernel", "4", "--channels", "0", "--out", dir);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("architecture.kernel = 4", err);
        Assert.Contains("architecture.channels = 0", err);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void ConfigFileWithUnknownKeyIsRejected()
    {
        var dir = CliRunner.TempDir("icrisis-cfg");
        var cfg = Path.Combine(dir, "c.json");
        File.WriteAllText(cfg, "{ \"training\": { \"learningrate\": 0.1 } }");
        var (exit, _, err) = CliRunner.Run("train", "--config", cfg);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("unknown key", err);
        Assert.Contains("c.json", err);
    }

    [Fact]
    public void PrintConfigMergesFileAndFlags()
    {
        var dir = CliRunner.TempDir("icrisis-cfg");
        var cfg = Path.Combine(dir, "c.json");
        File.WriteAllText(cfg, "{ \"architecture\": { \"kind\": \"fcn\", \"depth\": 6 }, \"training\": { \"learningRate\": 0.01 } }");
        var (exit, output, _) = CliRunner.Run("train", "--config", cfg, "--depth", "2", "--print-config");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var a = doc.RootElement.GetProperty("architecture");
        Assert.Equal("fcn", a.GetProperty("kind").GetString());
        Assert.Equal(2, a.GetProperty("depth").GetInt32());
        Assert.Equal(0.01, doc.RootElement.GetProperty("training").GetProperty("learningRate").GetDouble());
    }

    [Fact]
    public void SmallEndToEndTrainWritesARunFolder()
    {
        var dir = Path.Combine(CliRunner.TempDir("icrisis-run"), "run");
        var (exit, output, err) = CliRunner.Run("train", "--arch", "cnn", "--depth", "2", "--channels", "4", "--kernel", "3",
            "--lr", "1e-2", "--max-steps", "50", "--probes", "mnist,patterns,noise", "--per-set", "8", "--out", dir);
        Assert.True(exit == 0, err);
        foreach (var f in new[] { "config.json", "scores.json", "loss.csv", "weights.safetensors", "figure.png", "figure.safetensors" })
            Assert.True(File.Exists(Path.Combine(dir, f)), $"missing {f}");
        Assert.Contains("verdict", output);

        using var scores = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "scores.json")));
        Assert.Equal(RunFolder.ScoresSchemaVersion, scores.RootElement.GetProperty("schemaVersion").GetInt32());
        var sets = scores.RootElement.GetProperty("sets").EnumerateArray().Select(s => s.GetProperty("set").GetString()).ToList();
        Assert.Equal(["mnist", "patterns", "noise"], sets);
        Assert.Equal(8 + 9 + 8, scores.RootElement.GetProperty("probes").GetArrayLength());
        Assert.Equal(7, scores.RootElement.GetProperty("trainImage").GetProperty("label").GetInt32());

        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "config.json")));
        var env = config.RootElement.GetProperty("environment");
        Assert.Equal("0.107.0", env.GetProperty("torchSharpVersion").GetString());
        Assert.StartsWith("2.10", env.GetProperty("libTorchVersion").GetString());
        Assert.True(env.GetProperty("threads").GetInt32() >= 1);

        var loss = File.ReadAllLines(Path.Combine(dir, "loss.csv"));
        Assert.Equal("step,loss", loss[0]);
        Assert.Equal(51, loss.Length - 1);   // steps 0..50

        var (weights, _) = Safetensors.Read(Path.Combine(dir, "weights.safetensors"));
        Assert.Equal(["layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias"], weights.Select(w => w.Name));

        var png = File.ReadAllBytes(Path.Combine(dir, "figure.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public void DivergedRunIsReportedWithItsOwnExitCode()
    {
        var dir = Path.Combine(CliRunner.TempDir("icrisis-div"), "run");
        var (exit, output, _) = CliRunner.Run("train", "--arch", "fcn", "--depth", "3", "--width", "32", "--optimizer", "gd",
            "--lr", "1e6", "--max-steps", "100", "--probes", "patterns", "--out", dir);
        Assert.Equal(ExitCodes.Diverged, exit);
        Assert.Contains("DIVERGED", output);
        using var scores = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "scores.json")));
        Assert.Equal("diverged", scores.RootElement.GetProperty("training").GetProperty("outcome").GetString());
    }

    [Fact]
    public void EveryCommandHasHelp()
    {
        foreach (var cmd in new[] { new[] { "--help" }, ["train", "--help"], ["data", "--help"] })
        {
            var (exit, output, _) = CliRunner.Run(cmd);
            Assert.Equal(0, exit);
            Assert.Contains("Usage", output);
        }
    }
}
