using IdentityCrisis.Data;

namespace IdentityCrisis.Tests;

/// <summary>The embedded pack, loaded once for all tests (no fetched data is needed in CI).</summary>
public static class TestData
{
    static readonly Lazy<DataCatalog> catalog = new(() => new DataCatalog(Path.Combine(Path.GetTempPath(), "icrisis-tests-empty-cache")));
    public static DataCatalog Catalog => catalog.Value;
    public static float[] TrainingSeven => Catalog.MnistTrainImage(15);
}
