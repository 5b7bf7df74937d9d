using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdentityCrisis.Storage;

/// <summary>A named float32 tensor as plain data, so weight files are read and written without LibTorch.</summary>
public sealed record NamedTensor(string Name, long[] Shape, float[] Data)
{
    public long Elements => Shape.Aggregate(1L, (a, b) => a * b);
}

/// <summary>
/// The safetensors format (8-byte little-endian header length, JSON header, raw
/// little-endian data), which PyTorch loads with safetensors.torch.load_file. Only F32.
/// </summary>
public static class Safetensors
{
    public static void Write(string path, IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
            header["__metadata__"] = new JsonObject(metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        long offset = 0;
        foreach (var t in tensors)
        {
            if (t.Elements != t.Data.Length)
                throw new ArgumentException($"tensor '{t.Name}': shape [{string.Join(",", t.Shape)}] holds {t.Elements} values but data has {t.Data.Length}");
            long bytes = 4L * t.Data.Length;
            header[t.Name] = new JsonObject
            {
                ["dtype"] = "F32",
                ["shape"] = new JsonArray(t.Shape.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["data_offsets"] = new JsonArray(JsonValue.Create(offset), JsonValue.Create(offset + bytes)),
            };
            offset += bytes;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        int padded = (json.Length + 7) / 8 * 8;   // align the data to 8 bytes, as the reference writer does
        var tmp = path + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write))
        {
            Span<byte> len = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)padded);
            fs.Write(len);
            fs.Write(json);
            for (int i = json.Length; i < padded; i++) fs.WriteByte((byte)' ');
            foreach (var t in tensors)
                fs.Write(MemoryMarshal.AsBytes(t.Data.AsSpan()));   // x86-64 and arm64 are little-endian
        }
        File.Move(tmp, path, overwrite: true);
    }

    public static (IReadOnlyList<NamedTensor> Tensors, IReadOnlyDictionary<string, string> Metadata) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw new InvalidDataException($"{path}: too short for a safetensors file");
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (n > (ulong)(bytes.Length - 8)) throw new InvalidDataException($"{path}: header length {n} exceeds the file size {bytes.Length}");
        var header = JsonNode.Parse(Encoding.UTF8.GetString(bytes, 8, (int)n))?.AsObject()
                     ?? throw new InvalidDataException($"{path}: empty header");
        int dataStart = 8 + (int)n;
        var tensors = new List<(long Begin, NamedTensor T)>();
        var meta = new Dictionary<string, string>();
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__")
            {
                foreach (var (k, v) in node!.AsObject()) meta[k] = v!.GetValue<string>();
                continue;
            }
            var o = node!.AsObject();
            if (o["dtype"]!.GetValue<string>() != "F32") throw new InvalidDataException($"{path}: tensor '{name}' is not F32");
            var shape = o["shape"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray();
            var offs = o["data_offsets"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray();
            long count = (offs[1] - offs[0]) / 4;
            if (dataStart + offs[1] > bytes.Length || count != shape.Aggregate(1L, (a, b) => a * b))
                throw new InvalidDataException($"{path}: tensor '{name}' data is truncated or does not match its shape");
            var data = new float[count];
            Buffer.BlockCopy(bytes, dataStart + (int)offs[0], data, 0, (int)(count * 4));
            tensors.Add((offs[0], new NamedTensor(name, shape, data)));
        }
        return (tensors.OrderBy(t => t.Begin).Select(t => t.T).ToList(), meta);
    }
}
