using System.Security.Cryptography;

namespace IdentityCrisis.Data;

/// <summary>
/// Verifies candidate files and installs complete datasets into the cache. Every candidate is
/// decompressed into a *.partial file while its SHA-256 is computed; only verified files are
/// kept, and a dataset is moved into place only when all its files are verified, so a failed
/// fetch leaves the cache exactly as it was.
/// </summary>
/// <remarks>
/// MNIST and Fashion-MNIST use the same file names, so a candidate is identified by its
/// decompressed checksum, not by its folder.
/// </remarks>
internal sealed class DatasetImporter : IDisposable
{
    private readonly DataDirectory _directory;
    private readonly IReadOnlyList<DatasetSpec> _requested;
    private readonly Action<string>? _log;
    private readonly Dictionary<(DatasetSpec, string), (string TempPath, VerifiedFile File)> _accepted = [];
    private readonly List<(string FileName, string Display, string Reason)> _rejected = [];
    /// <summary>Per archive dataset, the archive whose published MD5 was matched.</summary>
    private readonly Dictionary<DatasetSpec, string> _archiveVerified = [];

    public DatasetImporter(DataDirectory directory, IReadOnlyList<DatasetSpec> requested, Action<string>? log)
    {
        _directory = directory;
        _requested = requested;
        _log = log;
    }

    /// <summary>Takes candidates from a folder (any depth), an archive, or a single file.</summary>
    public void AddSource(string path)
    {
        if (Directory.Exists(path))
            SourceEntries.VisitFolder(path, entry =>
            {
                // Inside a folder only a dataset's own archive is opened: other archives may be large and unrelated.
                if (_requested.Any(d => d.Archive?.FileName == entry.FileName)) AddArchive(entry.LocalPath!, entry.Display);
                else Add(entry);
            });
        else if (File.Exists(path) && SourceEntries.IsArchive(path))
            AddArchive(path, path);
        else if (File.Exists(path))
            Add(new SourceEntry(path, Path.GetFileName(path), path, () => CompressedFile.OpenRead(path)));
        else
            throw new FileNotFoundException($"{path}: no such file or folder", path);
    }

    /// <summary>Takes the entries of an archive on disk; a dataset's official archive is recognised by its MD5.</summary>
    /// <param name="md5Checked">The dataset whose published MD5 the caller already matched (while downloading).</param>
    public void AddArchive(string archivePath, string display, DatasetSpec? md5Checked = null)
    {
        var archiveDatasets = _requested.Where(d => d.Archive is not null).ToList();
        var md5 = md5Checked is null && archiveDatasets.Count > 0 ? Md5Of(archivePath) : null;
        foreach (var dataset in archiveDatasets.Where(d => d == md5Checked || d.Archive!.Md5 == md5))
        {
            _archiveVerified[dataset] = display;
            _log?.Invoke($"{display}: MD5 matches the official {dataset.Archive!.FileName}");
        }
        SourceEntries.VisitArchive(archivePath, Add);
    }

    /// <summary>Verifies one candidate if its name is a file of a requested dataset; ignores it otherwise.</summary>
    public void Add(SourceEntry entry)
    {
        var name = OfficialName(entry.FileName);
        var owners = _requested.Where(d => d.FileNamed(name) is not null && !_accepted.ContainsKey((d, name))).ToList();
        if (owners.Count == 0) return;
        if (owners[0].Format == DatasetFormat.CifarBinary) AddCifarBatch(entry, owners[0], name);
        else AddIdx(entry, name, owners);
    }

    private void AddIdx(SourceEntry entry, string name, List<DatasetSpec> owners)
    {
        var temp = PartialFiles.NewPath(_directory);
        try
        {
            var (sha, bytes) = DecompressInto(entry, temp);
            var owner = owners.FirstOrDefault(d => d.FileNamed(name)!.Sha256 == sha);
            if (owner is not null)
            {
                _accepted[(owner, name)] = (temp, new VerifiedFile(name, bytes, sha));
                _log?.Invoke($"{entry.Display}: verified {owner.Title} {name}");
                temp = null;
                return;
            }
            var other = DatasetSpec.All.FirstOrDefault(d => d.FileNamed(name)?.Sha256 == sha);
            if (other is not null)
            {
                _log?.Invoke($"{entry.Display}: {other.Title} {name}, {(_requested.Contains(other) ? "already verified" : "not requested")}; skipped");
                return;
            }
            var expected = owners[0].FileNamed(name)!;
            var size = bytes == expected.Bytes ? "" : $"holds {bytes} bytes decompressed where the official file has {expected.Bytes}, and ";
            Reject(name, entry.Display,
                $"{size}its decompressed SHA-256 {sha} is not that of the official {name} of {string.Join(" or ", owners.Select(o => o.Title))}; it is corrupt, truncated or another file");
        }
        catch (InvalidDataException e)
        {
            Reject(name, entry.Display, $"corrupt gzip data ({e.Message})");
        }
        finally
        {
            PartialFiles.Delete(temp);
        }
    }

    private void AddCifarBatch(SourceEntry entry, DatasetSpec dataset, string name)
    {
        var temp = PartialFiles.NewPath(_directory);
        try
        {
            var (sha, bytes) = CopyInto(entry.Open, temp);
            var expected = dataset.FileNamed(name)!.Bytes;
            if (bytes != expected)
            {
                Reject(name, entry.Display, $"{bytes} bytes where the official {name} has {expected}");
                return;
            }
            CifarReader.Read(temp);
            _accepted[(dataset, name)] = (temp, new VerifiedFile(name, bytes, sha));
            _log?.Invoke($"{entry.Display}: verified {dataset.Title} {name}");
            temp = null;
        }
        catch (DataFileException e)
        {
            Reject(name, entry.Display, e.Message);
        }
        finally
        {
            PartialFiles.Delete(temp);
        }
    }

    /// <summary>
    /// Moves each requested dataset whose files are all verified into the cache and reports on
    /// every requested dataset. <paramref name="explicitSelection"/>: a dataset not found at all
    /// is a failure rather than just "not found".
    /// </summary>
    public IReadOnlyList<FetchOutcome> Commit(string source, bool explicitSelection)
    {
        var outcomes = new List<FetchOutcome>();
        foreach (var dataset in _requested)
        {
            var missing = dataset.Files.Where(f => !_accepted.ContainsKey((dataset, f.Name))).Select(f => f.Name).ToList();
            var rejected = _rejected.Where(r => dataset.FileNamed(r.FileName) is not null)
                .Select(r => $"rejected {r.Display}: {r.Reason}").ToList();
            if (missing.Count == 0)
            {
                Install(dataset, source);
                var note = rejected.Count == 0 ? "" : "\n  " + string.Join("\n  ", rejected);
                outcomes.Add(new FetchOutcome(dataset, FetchStatus.Installed,
                    $"{dataset.Title}: installed {dataset.Files.Count} verified files in {_directory.FolderOf(dataset)}{note}"));
            }
            else if (missing.Count == dataset.Files.Count && rejected.Count == 0 && !explicitSelection)
                outcomes.Add(new FetchOutcome(dataset, FetchStatus.NotFound, $"{dataset.Title}: no files found in {source}"));
            else
                outcomes.Add(new FetchOutcome(dataset, FetchStatus.Failed,
                    $"{dataset.Title}: not installed (cache unchanged); missing or unverified: {string.Join(", ", missing)}"
                    + string.Concat(rejected.Select(r => "\n  " + r))));
        }
        return outcomes;
    }

    private void Install(DatasetSpec dataset, string source)
    {
        var folder = _directory.FolderOf(dataset);
        Directory.CreateDirectory(folder);
        // Marker first out, last in: until the new marker exists the dataset counts as not installed.
        PartialFiles.Delete(Path.Combine(folder, VerifiedMarker.FileName));
        var files = new List<VerifiedFile>();
        foreach (var spec in dataset.Files)
        {
            var (temp, file) = _accepted[(dataset, spec.Name)];
            File.Move(temp, _directory.PathOf(dataset, spec), overwrite: true);
            _accepted.Remove((dataset, spec.Name));
            files.Add(file);
        }
        new VerifiedMarker(dataset.Id, source, VerifiedBy(dataset), DateTime.UtcNow, files).Write(folder);
    }

    private string VerifiedBy(DatasetSpec dataset) =>
        dataset.Format == DatasetFormat.Idx
            ? "SHA-256 of each decompressed file equals the official checksum"
            : _archiveVerified.TryGetValue(dataset, out var archive)
                ? $"MD5 of {archive} equals the published {dataset.Archive!.Md5}; each batch has the official size and labels 0..9"
                : "size and labels 0..9 only: no checksum is published for extracted batches";

    public void Dispose()
    {
        foreach (var (temp, _) in _accepted.Values) PartialFiles.Delete(temp);
        _accepted.Clear();
    }

    private void Reject(string fileName, string display, string reason)
    {
        _rejected.Add((fileName, display, reason));
        _log?.Invoke($"{display}: REJECTED: {reason}");
    }

    /// <summary>
    /// The official name a file stands for: without .gz, lower case, and with the
    /// "train-images.idx3-ubyte" spelling of some mirrors mapped to the official dash.
    /// </summary>
    internal static string OfficialName(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        if (name.EndsWith(".gz")) name = name[..^3];
        return name.Replace(".idx", "-idx");
    }

    private static (string Sha256, long Bytes) DecompressInto(SourceEntry entry, string target)
    {
        if (entry.LocalPath is not null)
            return CopyInto(() => CompressedFile.OpenDecompressed(entry.LocalPath), target);
        // Archive entries cannot seek, which gzip detection needs: land the raw bytes first.
        var raw = target + ".raw" + DataDirectory.PartialSuffix;
        try
        {
            CopyInto(entry.Open, raw);
            return CopyInto(() => CompressedFile.OpenDecompressed(raw), target);
        }
        finally
        {
            PartialFiles.Delete(raw);
        }
    }

    /// <summary>Copies a stream (read to its end, then disposed) into a new file, hashing it on the way.</summary>
    private static (string Sha256, long Bytes) CopyInto(Func<Stream> open, string target)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        using var source = open();
        using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 16];
        int n;
        while ((n = source.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, n);
            output.Write(buffer, 0, n);
            total += n;
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }

    private static string Md5Of(string path)
    {
        using var stream = CompressedFile.OpenRead(path);
        return Convert.ToHexStringLower(MD5.HashData(stream));
    }
}
