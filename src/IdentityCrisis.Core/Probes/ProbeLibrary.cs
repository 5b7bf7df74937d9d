using IdentityCrisis.Config;
using IdentityCrisis.Data;

namespace IdentityCrisis.Probes;

/// <summary>
/// Builds probe sets by name. Draws are seeded by <see cref="ProbeConfig.Seed"/> alone, so two
/// runs with different training seeds are scored on the same probes.
/// </summary>
public static class ProbeLibrary
{
    public static IReadOnlyList<ProbeSet> Build(ProbeConfig config, DataCatalog catalog) =>
        config.Sets.Select(s => Build(s, config, catalog)).ToList();

    public static ProbeSet Build(string name, ProbeConfig config, DataCatalog catalog)
    {
        var rng = new Random(HashCode(name, config.Seed));
        return name switch
        {
            "mnist" => FromData("mnist", "MNIST test digits", catalog.Load("mnist-test"), config.PerSet, rng),
            "fashion" => FromData("fashion", "Fashion-MNIST test items", catalog.Load("fashion-test"), config.PerSet, rng),
            "natural" => FromData("natural", "natural grayscale images (CC0 / public domain)", catalog.Load("natural"), config.PerSet, rng),
            "cifar" => FromData("cifar", "CIFAR-10 test images in grayscale", catalog.Load("cifar-test"), config.PerSet, rng),
            "noise" => NoiseSet(config.PerSet, rng),
            "patterns" => new ProbeSet("patterns", "algorithmic patterns",
                Patterns.All().Select(p => new Probe("patterns", p.Name, p.Pixels)).ToList()),
            "mix" => MixSet(catalog.Load("mnist-test"), config.PerSet, rng),
            _ => throw new ConfigException($"probes.sets contains unknown set '{name}'; valid: {string.Join(", ", ProbeConfig.KnownSets)}"),
        };
    }

    /// <summary>The image set a probe set draws from, or null for generated sets (noise, patterns).</summary>
    public static string? DatasetOf(string set) => set switch
    {
        "mnist" or "mix" => "mnist-test",
        "fashion" => "fashion-test",
        "natural" => "natural",
        "cifar" => "cifar-test",
        _ => null,
    };

    static ProbeSet FromData(string name, string description, ImageSet data, int count, Random rng)
    {
        var picks = Draw(data.Count, Math.Min(count, data.Count), rng);
        var probes = picks.Select(i => new Probe(name, Label(data, i), data.Images[i])).ToList();
        return new ProbeSet(name, description, probes);
    }

    static string Label(ImageSet data, int i) =>
        data.Labels[i] >= 0 ? $"{data.Name}[{data.SourceIndices[i]}] label {data.Labels[i]}" : $"{data.Name}[{data.SourceIndices[i]}]";

    static ProbeSet NoiseSet(int count, Random rng)
    {
        var probes = new List<Probe>(count);
        for (int i = 0; i < count; i++)
            probes.Add(i % 2 == 0
                ? new Probe("noise", $"uniform #{i / 2}", Noise.Uniform(rng))
                : new Probe("noise", $"gaussian #{i / 2}", Noise.Gaussian(rng)));
        return new ProbeSet("noise", "uniform [0,1] and clipped Gaussian N(0.5, 0.25^2) noise", probes);
    }

    static ProbeSet MixSet(ImageSet digits, int count, Random rng)
    {
        var probes = new List<Probe>(count);
        for (int i = 0; i < count; i++)
        {
            int a = rng.Next(digits.Count), b;
            do b = rng.Next(digits.Count); while (b == a && digits.Count > 1);
            var img = new float[ImageGeometry.Pixels];
            for (int p = 0; p < img.Length; p++) img[p] = 0.5f * (digits.Images[a][p] + digits.Images[b][p]);
            probes.Add(new Probe("mix", $"mix of mnist-test[{digits.SourceIndices[a]}] and [{digits.SourceIndices[b]}]", img));
        }
        return new ProbeSet("mix", "average of two MNIST test digits", probes);
    }

    /// <summary>The first <paramref name="k"/> entries of a seeded Fisher-Yates shuffle of 0..n-1.</summary>
    static int[] Draw(int n, int k, Random rng)
    {
        var idx = Enumerable.Range(0, n).ToArray();
        for (int i = 0; i < k; i++)
        {
            int j = i + rng.Next(n - i);
            (idx[i], idx[j]) = (idx[j], idx[i]);
        }
        return idx[..k];
    }

    /// <summary>A per-set seed that does not depend on string.GetHashCode (randomized per process).</summary>
    static int HashCode(string name, int seed)
    {
        unchecked
        {
            int h = seed * 16777619 ^ (int)2166136261;
            foreach (char ch in name) h = (h ^ ch) * 16777619;
            return h & int.MaxValue;
        }
    }
}
