// MSBuild task (compiled by RoslynCodeTaskFactory, see Directory.Build.targets).
//
// Why: TorchSharp 0.107.0's libLibTorchSharp.so was linked against GCC 13's libstdc++
// and lists a need for GLIBCXX_3.4.32. Debian 12 ships GCC 12 (GLIBCXX_3.4.30), so the
// dynamic loader refuses the library. The only symbol bound to that version is
// std::ios_base_library_init, a marker symbol that nothing relocates against. Setting
// VER_FLG_WEAK on that one version requirement (in .gnu.version_r) turns the loader's
// hard failure into "weak version not found", which glibc ignores. The patch is
// idempotent and touches only the copies in the build output, never the NuGet cache.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class MarkElfVersionWeak : Task
{
    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string VersionName { get; set; } = "";

    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            try
            {
                var result = Patch(path, VersionName);
                Log.LogMessage(MessageImportance.Normal, $"MarkElfVersionWeak: {path}: {result}");
            }
            catch (Exception e)
            {
                Log.LogError($"MarkElfVersionWeak: cannot patch {path}: {e.Message}");
                return false;
            }
        }
        return !Log.HasLoggedErrors;
    }

    static string Patch(string path, string versionName)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF is supported");

        ulong shoff = BitConverter.ToUInt64(bytes, 0x28);
        int shentsize = BitConverter.ToUInt16(bytes, 0x3A);
        int shnum = BitConverter.ToUInt16(bytes, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)shoff + i * shentsize);
            uint type = BitConverter.ToUInt32(bytes, sh + 4);
            if (type != ShtGnuVerneed) continue;
            long offset = (long)BitConverter.ToUInt64(bytes, sh + 0x18);
            uint link = BitConverter.ToUInt32(bytes, sh + 0x28);
            uint count = BitConverter.ToUInt32(bytes, sh + 0x2C);
            int strSh = checked((int)shoff + (int)link * shentsize);
            long strOffset = (long)BitConverter.ToUInt64(bytes, strSh + 0x18);

            long vn = offset;
            for (uint n = 0; n < count; n++)
            {
                int cnt = BitConverter.ToUInt16(bytes, (int)vn + 2);
                uint aux = BitConverter.ToUInt32(bytes, (int)vn + 8);
                uint next = BitConverter.ToUInt32(bytes, (int)vn + 12);
                long va = vn + aux;
                for (int a = 0; a < cnt; a++)
                {
                    uint name = BitConverter.ToUInt32(bytes, (int)va + 8);
                    if (ReadCString(bytes, strOffset + name) == versionName)
                    {
                        ushort flags = BitConverter.ToUInt16(bytes, (int)va + 4);
                        if ((flags & VerFlgWeak) != 0) return "already weak";
                        flags |= VerFlgWeak;
                        bytes[va + 4] = (byte)(flags & 0xff);
                        bytes[va + 5] = (byte)(flags >> 8);
                        // Write beside, then swap, so an interrupted build never leaves a torn library.
                        var tmp = path + ".patching";
                        File.WriteAllBytes(tmp, bytes);
                        File.Copy(tmp, path, true);
                        File.Delete(tmp);
                        return "marked weak";
                    }
                    va += BitConverter.ToUInt32(bytes, (int)va + 12);
                }
                if (next == 0) break;
                vn += next;
            }
        }
        return "no such version requirement (nothing to do)";
    }

    static string ReadCString(byte[] bytes, long start)
    {
        long end = start;
        while (end < bytes.Length && bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(bytes, (int)start, (int)(end - start));
    }
}
