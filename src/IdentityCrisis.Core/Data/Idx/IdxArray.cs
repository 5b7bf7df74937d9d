using System.Buffers.Binary;
using System.Security.Cryptography;
using IdentityCrisis.Config;

namespace IdentityCrisis.Data;

/// <summary>
/// The content of an unsigned-byte IDX file (the MNIST format): its dimensions and raw bytes.
/// Kept as bytes rather than floats because a 60,000-image file is 47 MB as bytes and four
/// times that as floats; callers convert only the images they use.
/// </summary>
public sealed class IdxArray
{
    /// <summary>Magic number of an IDX file of unsigned bytes with three dimensions (images).</summary>
    public const int ImagesMagic = 0x00000803;
    /// <summary>Magic number of an IDX file of unsigned bytes with one dimension (labels).</summary>
    public const int LabelsMagic = 0x00000801;
    /// <summary>The IDX type code for unsigned bytes, the only one these datasets use.</summary>
    public const byte UnsignedByteType = 0x08;

    public IReadOnlyList<int> Dimensions { get; }
    public byte[] Data { get; }

    public IdxArray(IReadOnlyList<int> dimensions, byte[] data)
    {
        if (dimensions.Count is < 1 or > 255)
            throw new ArgumentException($"an IDX array has 1 to 255 dimensions, not {dimensions.Count}");
        long size = 1;
        foreach (var d in dimensions)
        {
            if (d < 0) throw new ArgumentException($"negative IDX dimension {d}");
            size *= d;
        }
        if (size != data.Length)
            throw new ArgumentException($"IDX dimensions [{string.Join(", ", dimensions)}] need {size} bytes, got {data.Length}");
        Dimensions = dimensions.ToArray();
        Data = data;
    }

    public static IdxArray Images(byte[] pixels)
    {
        if (pixels.Length % ImageGeometry.Pixels != 0)
            throw new ArgumentException($"{pixels.Length} bytes is not a whole number of {ImageGeometry.Pixels}-pixel images");
        return new IdxArray([pixels.Length / ImageGeometry.Pixels, ImageGeometry.Side, ImageGeometry.Side], pixels);
    }

    public static IdxArray Labels(byte[] labels) => new([labels.Length], labels);

    /// <summary>Number of items along the first dimension (images or labels).</summary>
    public int Count => Dimensions[0];

    public int Magic => (UnsignedByteType << 8) | Dimensions.Count;

    /// <summary>Image <paramref name="index"/> as row-major floats pixel/255, in [0,1].</summary>
    public float[] ImageAt(int index)
    {
        RequireImages();
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"there are {Count} images");
        var image = new float[ImageGeometry.Pixels];
        var pixels = Data.AsSpan(index * ImageGeometry.Pixels, ImageGeometry.Pixels);
        for (int i = 0; i < pixels.Length; i++) image[i] = pixels[i] / 255f;
        return image;
    }

    public float[][] ToImages()
    {
        RequireImages();
        var images = new float[Count][];
        for (int i = 0; i < images.Length; i++) images[i] = ImageAt(i);
        return images;
    }

    public int[] ToLabels()
    {
        if (Dimensions.Count != 1) throw new InvalidOperationException($"not a label array: {Dimensions.Count} dimensions");
        return Array.ConvertAll(Data, b => (int)b);
    }

    /// <summary>The IDX header: magic number then each dimension, all big-endian 32-bit.</summary>
    public byte[] HeaderBytes()
    {
        var header = new byte[4 * (1 + Dimensions.Count)];
        BinaryPrimitives.WriteInt32BigEndian(header, Magic);
        for (int i = 0; i < Dimensions.Count; i++)
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 * (i + 1)), Dimensions[i]);
        return header;
    }

    /// <summary>
    /// SHA-256 (lowercase hex) of the file this array was read from, decompressed: header then data.
    /// Readers reject trailing bytes, so this equals the hash of the whole decompressed file.
    /// </summary>
    public string Sha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(HeaderBytes());
        hash.AppendData(Data);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private void RequireImages()
    {
        if (Dimensions.Count != 3 || Dimensions[1] != ImageGeometry.Side || Dimensions[2] != ImageGeometry.Side)
            throw new InvalidOperationException($"not an array of {ImageGeometry.Side}x{ImageGeometry.Side} images: [{string.Join(", ", Dimensions)}]");
    }
}
