using System.Buffers.Binary;
using System.Text;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Tests.Storage;

public class SafetensorsTests
{
    [Fact]
    public void RoundTripsTensorsAndMetadata()
    {
        var path = Path.Combine(Path.GetTempPath(), $"st-{Guid.NewGuid():N}.safetensors");
        try
        {
            var a = new NamedTensor("layers.0.weight", [2, 3], [1, 2, 3, 4, 5, 6]);
            var b = new NamedTensor("layers.0.bias", [2], [-1.5f, float.Epsilon]);
            Safetensors.Write(path, [a, b], new Dictionary<string, string> { ["k"] = "v" });
            var (tensors, meta) = Safetensors.Read(path);
            Assert.Equal(["layers.0.weight", "layers.0.bias"], tensors.Select(t => t.Name));
            Assert.Equal(a.Data, tensors[0].Data);
            Assert.Equal(b.Data, tensors[1].Data);
            Assert.Equal([2L, 3L], tensors[0].Shape);
            Assert.Equal("v", meta["k"]);

            // Layout as the format specifies: u64 header length, JSON, 8-byte aligned data.
            var bytes = File.ReadAllBytes(path);
            var n = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            Assert.Equal(0, n % 8);
            Assert.Contains("\"dtype\":\"F32\"", Encoding.UTF8.GetString(bytes, 8, n));
            Assert.Equal(8 + n + 4 * 8, bytes.Length);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ShapeMismatchAndTruncationAreErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"st-{Guid.NewGuid():N}.safetensors");
        try
        {
            Assert.Throws<ArgumentException>(() => Safetensors.Write(path, [new NamedTensor("x", [3], [1, 2])]));
            Safetensors.Write(path, [new NamedTensor("x", [4], [1, 2, 3, 4])]);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..^4]);
            var e = Assert.Throws<InvalidDataException>(() => Safetensors.Read(path));
            Assert.Contains("truncated", e.Message);
        }
        finally { File.Delete(path); }
    }
}
