using IdentityCrisis.Config;
using IdentityCrisis.Metrics;
using IdentityCrisis.Probes;

namespace IdentityCrisis.Tests.Metrics;

public class VerdictTests
{
    sealed class Identity : IImageFunction
    {
        public IReadOnlyList<float[]> Apply(IReadOnlyList<float[]> inputs) => inputs.Select(x => (float[])x.Clone()).ToList();
    }

    sealed class Constant(float[] image) : IImageFunction
    {
        public IReadOnlyList<float[]> Apply(IReadOnlyList<float[]> inputs) => inputs.Select(_ => (float[])image.Clone()).ToList();
    }

    sealed class Dark : IImageFunction
    {
        public IReadOnlyList<float[]> Apply(IReadOnlyList<float[]> inputs) => inputs.Select(_ => new float[ImageGeometry.Pixels]).ToList();
    }

    static (IReadOnlyList<ProbeSet> Sets, float[] Xhat) Fixture()
    {
        var sets = ProbeLibrary.Build(new ProbeConfig { Sets = ["mnist", "fashion", "noise", "patterns", "mix"], PerSet = 40 }, TestData.Catalog);
        return (sets, TestData.TrainingSeven);
    }

    [Fact]
    public void IdentityFunctionGetsIdentityOnEverySet()
    {
        var (sets, xhat) = Fixture();
        var eval = ProbeEvaluation.Evaluate(new Identity(), sets, xhat, new VerdictRule());
        foreach (var s in eval.Sets)
        {
            Assert.Equal(Verdict.Identity, s.Verdict);
            Assert.Equal(1.0, s.MeanCorrIdentity, 6);
            Assert.Equal(1.0, s.IdentitySkill, 6);
            Assert.Equal(0.0, s.ConstantSkill, 6);
        }
    }

    [Fact]
    public void ConstantFunctionGetsConstantOnEverySet()
    {
        var (sets, xhat) = Fixture();
        var eval = ProbeEvaluation.Evaluate(new Constant(xhat), sets, xhat, new VerdictRule());
        foreach (var s in eval.Sets)
        {
            Assert.Equal(Verdict.Constant, s.Verdict);
            Assert.Equal(1.0, s.MeanCorrConstant, 6);
            Assert.Equal(0.0, s.MeanMseConstant, 9);
            Assert.Equal(0.0, s.IdentitySkill, 6);
        }
        // The reason for the baseline: MNIST digits already correlate with a '7', so a
        // constant function scores a clearly positive raw identity correlation.
        var mnist = eval.Sets.Single(s => s.Set == "mnist");
        Assert.InRange(mnist.MeanCorrIdentity, 0.15, 0.6);
        Assert.Equal(mnist.MeanBaseline, mnist.MeanCorrIdentity, 9);
    }

    [Fact]
    public void AFlatOutputIsOther()
    {
        var (sets, xhat) = Fixture();
        var eval = ProbeEvaluation.Evaluate(new Dark(), sets, xhat, new VerdictRule());
        Assert.All(eval.Sets, s => Assert.Equal(Verdict.Other, s.Verdict));
    }

    [Theory]
    [InlineData(0.95, 0.02, Verdict.Identity)]
    [InlineData(0.10, 0.90, Verdict.Constant)]
    [InlineData(0.60, 0.40, Verdict.Other)]
    [InlineData(0.85, 0.85, Verdict.Other)]
    public void RuleThresholds(double idSkill, double constSkill, Verdict expected) =>
        Assert.Equal(expected, new VerdictRule(0.8).Decide(idSkill, constSkill));

    [Fact]
    public void SkillRemovesTheBaseline()
    {
        // identity output, input correlating 0.3 with x̂: identity skill 1, constant skill 0
        var s = new ProbeScore("s", "p", CorrIdentity: 1, CorrConstant: 0.3, MseIdentity: 0, MseConstant: 0.1, Baseline: 0.3);
        Assert.Equal(1.0, s.IdentitySkill, 12);
        Assert.Equal(0.0, s.ConstantSkill, 12);
        var halfway = s with { CorrIdentity = 0.65 };
        Assert.Equal(0.5, halfway.IdentitySkill, 12);
        Assert.True(double.IsNaN((s with { Baseline = 0.95 }).IdentitySkill));
    }
}
