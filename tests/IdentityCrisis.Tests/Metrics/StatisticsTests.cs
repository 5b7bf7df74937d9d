using IdentityCrisis.Metrics;

namespace IdentityCrisis.Tests.Metrics;

public class StatisticsTests
{
    [Fact]
    public void PearsonOfKnownVectors()
    {
        float[] a = [1, 2, 3, 4, 5];
        float[] b = [2, 4, 6, 8, 10];
        float[] c = [5, 4, 3, 2, 1];
        float[] d = [1, 3, 2, 5, 4];
        Assert.Equal(1.0, Statistics.Pearson(a, b), 12);
        Assert.Equal(-1.0, Statistics.Pearson(a, c), 12);
        // hand-computed: cov = 8/5... r = 0.8
        Assert.Equal(0.8, Statistics.Pearson(a, d), 12);
    }

    [Fact]
    public void PearsonOfAFlatVectorIsZero()
    {
        float[] flat = [0.5f, 0.5f, 0.5f];
        float[] x = [0, 1, 2];
        Assert.Equal(0.0, Statistics.Pearson(flat, x));
    }

    [Fact]
    public void MseOfKnownVectors()
    {
        Assert.Equal((1 + 4 + 0) / 3.0, Statistics.Mse([1, 2, 3], [0, 0, 3]), 12);
        Assert.Throws<ArgumentException>(() => Statistics.Mse([1], [1, 2]));
    }
}
