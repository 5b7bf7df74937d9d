using System.Security.Cryptography;
using IdentityCrisis.Config;

namespace IdentityCrisis.Data;

/// <summary>Facts about an installed dataset for `icrisis data list`, from its marker or by re-hashing.</summary>
public static class FetchedFiles
{
    /// <summary>Images per image set, from the file sizes recorded in the marker.</summary>
    public static IReadOnlyList<(string Set, long Count)> Counts(DatasetSpec dataset, VerifiedMarker marker) =>
        dataset.ImageSets.Select(set =>
        {
            bool train = set.EndsWith("-train");
            long count = dataset.Format == DatasetFormat.CifarBinary
                ? marker.Files.Where(f => f.Name.StartsWith(train ? "data_batch_" : "test_batch")).Sum(f => f.Bytes) / CifarBatch.RecordBytes
                : (marker.FileNamed(train ? "train-images-idx3-ubyte" : "t10k-images-idx3-ubyte")!.Bytes - 16) / ImageGeometry.Pixels;
            return (set, count);
        }).ToList();

    /// <summary>Re-hashes every file; returns one line per problem (none when all is well).</summary>
    public static IReadOnlyList<string> Verify(DataDirectory directory, DatasetSpec dataset, VerifiedMarker marker)
    {
        var problems = new List<string>();
        foreach (var spec in dataset.Files)
        {
            var path = directory.PathOf(dataset, spec);
            var recorded = marker.FileNamed(spec.Name)!;
            string sha;
            using (var stream = CompressedFile.OpenRead(path)) sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (sha != recorded.Sha256 || (spec.Sha256 is not null && sha != spec.Sha256))
                problems.Add($"{path}: SHA-256 {sha} differs from the verified {recorded.Sha256}; re-run `icrisis data fetch --{dataset.Id}`");
        }
        return problems;
    }
}
