using IdentityCrisis.Config;

namespace IdentityCrisis.Tests.Config;

public class ConfigTests
{
    [Fact]
    public void DefaultsAreValid() => Assert.Empty(new RunConfig().Validate());

    [Theory]
    [InlineData("depth", 0, "architecture.depth = 0")]
    [InlineData("kernel", 4, "architecture.kernel = 4")]
    [InlineData("kernel", 57, "architecture.kernel = 57")]
    [InlineData("channels", 0, "architecture.channels = 0")]
    public void ImpossibleArchitecturesAreNamed(string field, int value, string expected)
    {
        var a = new ArchitectureConfig { Kind = "cnn" };
        a = field switch
        {
            "depth" => a with { Depth = value },
            "kernel" => a with { Kernel = value },
            _ => a with { Channels = value },
        };
        var errors = new RunConfig { Architecture = a }.Validate();
        var e = Assert.Single(errors);
        Assert.StartsWith(expected, e);
        Assert.Contains("valid", e);
    }

    [Fact]
    public void UnknownNamesListTheValidOnes()
    {
        var errors = new RunConfig
        {
            Architecture = new() { Kind = "resnet" },
            Training = new() { Optimizer = "lbfgs" },
            Probes = new() { Sets = ["mnist", "imagenet"] },
        }.Validate();
        Assert.Contains(errors, e => e.Contains("architecture.kind = 'resnet'") && e.Contains("fcn, cnn"));
        Assert.Contains(errors, e => e.Contains("training.optimizer = 'lbfgs'") && e.Contains("gd, momentum, adam"));
        Assert.Contains(errors, e => e.Contains("'imagenet'"));
    }

    [Fact]
    public void UnknownJsonKeysAreRejected()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigJson.Deserialize<RunConfig>("{\"architecture\": {\"dept\": 3}}", "test.json"));
        Assert.Contains("test.json", e.Message);
        Assert.Contains("unknown key", e.Message);
        Assert.Contains("dept", e.Message);
    }

    [Fact]
    public void JsonRoundTrips()
    {
        var c = new RunConfig { Name = "x", Architecture = new() { Kind = "fcn", Depth = 6 }, Training = new() { LearningRate = 3e-4 } };
        var back = ConfigJson.Deserialize<RunConfig>(ConfigJson.Serialize(c), "mem");
        Assert.Equal(c.Architecture, back.Architecture);
        Assert.Equal(c.Training, back.Training);
        Assert.Equal(c.Probes.Sets, back.Probes.Sets);
    }
}
