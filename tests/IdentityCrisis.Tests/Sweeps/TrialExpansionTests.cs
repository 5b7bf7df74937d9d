using System.Text.Json.Nodes;
using IdentityCrisis.Config;
using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Tests.Sweeps;

public class TrialExpansionTests
{
    static SweepSpec Spec(params SweepAxis[] axes) => new() { Name = "t", Base = new RunConfig(), Axes = axes };

    [Fact]
    public void CartesianProductInAxisOrder()
    {
        var trials = TrialExpansion.Expand(Spec(
            SweepAxis.Values("depth", "architecture.depth", 1, 2, 3),
            SweepAxis.Values("channels", "architecture.channels", 4, 8)));
        Assert.Equal(6, trials.Count);
        Assert.Equal(["depth=1 channels=4", "depth=1 channels=8", "depth=2 channels=4"], trials.Take(3).Select(t => t.Label));
        Assert.Equal(3, trials[^1].Config.Architecture.Depth);
        Assert.Equal(8, trials[^1].Config.Architecture.Channels);
        Assert.Equal(Enumerable.Range(0, 6), trials.Select(t => t.Index));
    }

    [Fact]
    public void IdsAreStableAndIgnoreNameThreadsAndDevice()
    {
        var c = new RunConfig { Architecture = new() { Depth = 4 } };
        var id = TrialExpansion.IdOf(c);
        Assert.Equal(id, TrialExpansion.IdOf(c with { Name = "other", Training = c.Training with { Threads = 7 } }));
        Assert.NotEqual(id, TrialExpansion.IdOf(c with { Architecture = c.Architecture with { Depth = 5 } }));
        Assert.NotEqual(id, TrialExpansion.IdOf(c with { Training = c.Training with { Seed = 1 } }));
        Assert.Matches("^[0-9a-f]{16}$", id);
        // same config expanded twice -> same ids
        var a = TrialExpansion.Expand(Spec(SweepAxis.Values("depth", "architecture.depth", 1, 2)));
        var b = TrialExpansion.Expand(Spec(SweepAxis.Values("depth", "architecture.depth", 1, 2)));
        Assert.Equal(a.Select(t => t.Id), b.Select(t => t.Id));
    }

    [Fact]
    public void AnImpossibleCombinationIsNamedWithItsTrial()
    {
        var e = Assert.Throws<ConfigException>(() => TrialExpansion.Expand(Spec(
            SweepAxis.Values("depth", "architecture.depth", 1, 0),
            SweepAxis.Values("kernel", "architecture.kernel", 3, 4))));
        Assert.Contains(e.Errors, m => m.Contains("trial 'depth=0 kernel=3'") && m.Contains("architecture.depth = 0"));
        Assert.Contains(e.Errors, m => m.Contains("trial 'depth=1 kernel=4'") && m.Contains("architecture.kernel = 4"));
    }

    [Fact]
    public void AnUnknownPathIsNamed()
    {
        var e = Assert.Throws<ConfigException>(() => TrialExpansion.Expand(Spec(SweepAxis.Values("d", "architecture.dept", 1))));
        Assert.Contains("architecture.dept", e.Message);
        Assert.Contains("depth", e.Message);
    }

    [Fact]
    public void RepeatedValuesAreRejected()
    {
        var e = Assert.Throws<ConfigException>(() => TrialExpansion.Expand(Spec(SweepAxis.Values("depth", "architecture.depth", 2, 2))));
        Assert.Contains("same config", e.Message);
    }

    [Fact]
    public void EveryPresetExpandsAtEveryScale()
    {
        foreach (var name in Presets.Names)
            foreach (var scale in Presets.Scales)
            {
                var trials = TrialExpansion.Expand(Presets.Get(name, scale));
                Assert.NotEmpty(trials);
            }
        var fig3 = TrialExpansion.Expand(Presets.Get("fig3", "paper"));
        Assert.Equal(Presets.Figure3Depths, fig3.Select(t => t.Config.Architecture.Depth));
        Assert.All(fig3, t => Assert.Equal((128, 5, "relu"), (t.Config.Architecture.Channels, t.Config.Architecture.Kernel, t.Config.Architecture.Activation)));
        var fig4 = TrialExpansion.Expand(Presets.Get("fig4", "paper"));
        Assert.Equal([7, 14, 20, 20], fig4.Select(t => t.Config.Architecture.Depth));
        Assert.Equal(0, fig4[^1].Config.Training.MaxSteps);
    }

    [Fact]
    public void SpecJsonRoundTripsAndRejectsUnknownKeys()
    {
        var spec = Presets.Get("fig2", "quick");
        var back = SweepSpecJson.Parse(SweepSpecJson.Serialize(spec), "mem");
        Assert.Equal(TrialExpansion.Expand(spec).Select(t => t.Id), TrialExpansion.Expand(back).Select(t => t.Id));
        Assert.Equal(TrialExpansion.Expand(spec).Select(t => t.Label), TrialExpansion.Expand(back).Select(t => t.Label));

        var user = """
            { "name": "mine", "base": { "architecture": { "kind": "cnn", "channels": 4 } },
              "axes": [ { "name": "depth", "path": "architecture.depth", "values": [1, 2] } ] }
            """;
        Assert.Equal(["depth=1", "depth=2"], TrialExpansion.Expand(SweepSpecJson.Parse(user, "u.json")).Select(t => t.Label));
        var e = Assert.Throws<ConfigException>(() => SweepSpecJson.Parse(user.Replace("\"axes\"", "\"axis\""), "u.json"));
        Assert.Contains("unknown key", e.Message);
    }

    [Fact]
    public void CaseAxesSetSeveralFields()
    {
        var axis = new SweepAxis("row", [new AxisPoint("6-layer ReLU", new Dictionary<string, JsonNode?>
        {
            ["architecture.kind"] = "fcn", ["architecture.depth"] = 6, ["architecture.activation"] = "relu",
        })]);
        var t = Assert.Single(TrialExpansion.Expand(Spec(axis)));
        Assert.Equal(("fcn", 6, "relu"), (t.Config.Architecture.Kind, t.Config.Architecture.Depth, t.Config.Architecture.Activation));
        Assert.Equal("6-layer ReLU", t.Label);
    }
}

public class TrialFilterTests
{
    [Fact]
    public void OnlyKeepsTheNamedAxisValues()
    {
        var spec = Presets.Get("channels", "paper");
        var keep = TrialFilter.Parse(["channels=8,16", "seed=0"], spec)!;
        var kept = TrialExpansion.Expand(spec).Where(keep).ToList();
        Assert.Equal(9 * 2, kept.Count);
        Assert.All(kept, t => Assert.Contains(t.Config.Architecture.Channels, new[] { 8, 16 }));
        Assert.All(kept, t => Assert.Equal(0, t.Config.Training.Seed));
        var fig2 = Presets.Get("fig2", "paper");
        var sixLayerRelu = TrialFilter.Parse(["network=6-layer ReLU"], fig2)!;
        Assert.Single(TrialExpansion.Expand(fig2), t => sixLayerRelu(t));
    }

    [Fact]
    public void UnknownAxesAndValuesAreNamed()
    {
        var spec = Presets.Get("channels", "paper");
        Assert.Contains("no axis 'width'", Assert.Throws<IdentityCrisis.Config.ConfigException>(() => TrialFilter.Parse(["width=8"], spec)).Message);
        Assert.Contains("no value 7", Assert.Throws<IdentityCrisis.Config.ConfigException>(() => TrialFilter.Parse(["channels=7"], spec)).Message);
        Assert.Contains("AXIS=V1,V2", Assert.Throws<IdentityCrisis.Config.ConfigException>(() => TrialFilter.Parse(["channels"], spec)).Message);
    }
}
