using System.Runtime.InteropServices;

namespace IdentityCrisis.Storage;

/// <summary>float32 arrays as little-endian bytes for SQLite BLOB columns.</summary>
public static class FloatBlob
{
    public static byte[] ToBytes(float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    public static float[] FromBytes(byte[] bytes)
    {
        if (bytes.Length % 4 != 0) throw new InvalidDataException($"float blob of {bytes.Length} bytes is not a whole number of float32 values");
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }
}
