using IdentityCrisis.Config;
using IdentityCrisis.Probes;

namespace IdentityCrisis.Tests.Probes;

public class PatternTests
{
    static float[] Get(string name) => Patterns.All().Single(p => p.Name == name).Pixels;

    [Fact]
    public void EveryPatternIs28x28InUnitRange()
    {
        var all = Patterns.All();
        Assert.Equal(["square", "stripes", "bars", "gradient", "dots", "disk", "ring", "ellipse", "checkerboard"], all.Select(p => p.Name));
        Assert.All(all, p =>
        {
            Assert.Equal(ImageGeometry.Pixels, p.Pixels.Length);
            Assert.All(p.Pixels, v => Assert.InRange(v, 0f, 1f));
            Assert.True(p.Pixels.Max() > p.Pixels.Min(), $"{p.Name} is flat");
        });
    }

    [Fact]
    public void StripesHavePeriodTwo()
    {
        var s = Get("stripes");
        for (int r = 0; r < 28; r++)
            for (int c = 0; c < 28; c++)
                Assert.Equal(c % 2 == 0 ? 1f : 0f, s[r * 28 + c]);
    }

    [Fact]
    public void SquareIsCenteredAndCoversAQuarter()
    {
        var s = Get("square");
        Assert.Equal(14 * 14, s.Count(v => v == 1f));
        Assert.Equal(1f, s[13 * 28 + 13]);
        Assert.Equal(0f, s[0]);
    }

    [Fact]
    public void GradientRunsLeftToRight()
    {
        var g = Get("gradient");
        Assert.Equal(0f, g[5 * 28]);
        Assert.Equal(1f, g[5 * 28 + 27]);
    }

    [Fact]
    public void ProbeDrawsAreSeededAndIndependentOfOtherSets()
    {
        var a = ProbeLibrary.Build("mnist", new ProbeConfig { PerSet = 10, Seed = 7 }, TestData.Catalog);
        var b = ProbeLibrary.Build("mnist", new ProbeConfig { PerSet = 10, Seed = 7, Sets = ["mnist"] }, TestData.Catalog);
        var c = ProbeLibrary.Build("mnist", new ProbeConfig { PerSet = 10, Seed = 8 }, TestData.Catalog);
        Assert.Equal(a.Probes.Select(p => p.Name), b.Probes.Select(p => p.Name));
        Assert.NotEqual(a.Probes.Select(p => p.Name), c.Probes.Select(p => p.Name));
        Assert.Equal(10, a.Probes.Count);
    }

    [Fact]
    public void MixIsTheAverageOfTwoDigits()
    {
        var mix = ProbeLibrary.Build("mix", new ProbeConfig { PerSet = 3 }, TestData.Catalog);
        var test = TestData.Catalog.Load("mnist-test");
        foreach (var p in mix.Probes)
        {
            var idx = System.Text.RegularExpressions.Regex.Matches(p.Name, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value)).ToArray();
            var a = test.Images[test.PositionOf(idx[0])];
            var b = test.Images[test.PositionOf(idx[1])];
            for (int i = 0; i < 784; i++) Assert.Equal(0.5f * (a[i] + b[i]), p.Pixels[i], 6);
        }
    }
}
