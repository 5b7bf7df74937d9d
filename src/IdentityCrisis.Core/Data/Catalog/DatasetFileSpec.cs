namespace IdentityCrisis.Data;

/// <summary>One file of a dataset as it is stored in the cache (uncompressed).</summary>
/// <param name="Name">The official file name without .gz, e.g. "train-images-idx3-ubyte".</param>
/// <param name="Bytes">Its uncompressed size.</param>
/// <param name="Sha256">SHA-256 of its uncompressed bytes, or null where none is published (CIFAR batches).</param>
public sealed record DatasetFileSpec(string Name, long Bytes, string? Sha256);
