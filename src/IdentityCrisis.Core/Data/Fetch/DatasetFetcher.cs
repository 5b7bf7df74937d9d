using System.Security.Cryptography;

namespace IdentityCrisis.Data;

/// <summary>
/// `icrisis data fetch`: puts full datasets in the cache, downloaded from their official URLs
/// or imported from a local folder or archive (for machines without internet). Both paths end
/// in <see cref="DatasetImporter"/>, so a download is verified exactly like an import.
/// </summary>
public sealed class DatasetFetcher
{
    private const string OfflineFix = "Check the connection, or download the files on another machine and run `icrisis data fetch --from PATH`";

    private readonly DataDirectory _directory;
    private readonly HttpMessageHandler? _handler;
    private readonly Action<string>? _log;

    /// <param name="handler">HTTP handler to use (tests pass a stub); null means the default.</param>
    /// <param name="log">Receives one line per step.</param>
    public DatasetFetcher(string? dataDir, HttpMessageHandler? handler = null, Action<string>? log = null)
    {
        _directory = new DataDirectory(dataDir);
        _handler = handler;
        _log = log;
    }

    public DataDirectory Directory => _directory;

    /// <summary>Imports datasets from a folder (any depth, raw or .gz files) or a .tar/.tar.gz/.tgz/.zip archive.</summary>
    /// <param name="explicitSelection">The user named the datasets, so one that is not found is a failure.</param>
    public IReadOnlyList<FetchOutcome> Import(string fromPath, IReadOnlyList<DatasetSpec> datasets, bool explicitSelection)
    {
        var source = Path.GetFullPath(fromPath);
        PartialFiles.DeleteStale(_directory);
        using var importer = new DatasetImporter(_directory, datasets, _log);
        importer.AddSource(source);
        return importer.Commit(source, explicitSelection);
    }

    /// <summary>Downloads each dataset; one that fails leaves the cache as it was and does not stop the others.</summary>
    public async Task<IReadOnlyList<FetchOutcome>> DownloadAsync(IReadOnlyList<DatasetSpec> datasets, CancellationToken cancel = default)
    {
        PartialFiles.DeleteStale(_directory);
        using var http = _handler is null ? new HttpClient() : new HttpClient(_handler, disposeHandler: false);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("icrisis-data-fetch/1.0");
        var outcomes = new List<FetchOutcome>();
        foreach (var dataset in datasets)
        {
            using var importer = new DatasetImporter(_directory, [dataset], _log);
            try
            {
                string source;
                if (dataset.Archive is null)
                {
                    foreach (var file in dataset.Files)
                        await DownloadInto(http, dataset.DownloadUrl(file), importer, archiveOf: null, cancel);
                    source = string.Join(" ", dataset.Files.Select(f => dataset.DownloadUrl(f).ToString()));
                }
                else
                {
                    await DownloadInto(http, dataset.Archive.Url, importer, dataset, cancel);
                    source = dataset.Archive.Url.ToString();
                }
                outcomes.AddRange(importer.Commit(source, explicitSelection: true));
            }
            catch (DataFileException e)
            {
                outcomes.Add(new FetchOutcome(dataset, FetchStatus.Failed, $"{dataset.Title}: not installed (cache unchanged): {e.Message}"));
            }
        }
        return outcomes;
    }

    /// <summary>
    /// Downloads <paramref name="url"/> to a partial file, checks the archive MD5 where one is
    /// published, and hands the file to the importer. The partial file is deleted whatever happens.
    /// </summary>
    /// <param name="archiveOf">The dataset whose archive this is (its MD5 is checked), or null for a single IDX file.</param>
    private async Task DownloadInto(HttpClient http, Uri url, DatasetImporter importer, DatasetSpec? archiveOf, CancellationToken cancel)
    {
        var temp = PartialFiles.NewPath(_directory);
        try
        {
            _log?.Invoke($"downloading {url}");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            long bytes = 0;
            try
            {
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel);
                if (!response.IsSuccessStatusCode)
                    throw new DataFileException(url.ToString(), $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}", OfflineFix);
                await using var body = await response.Content.ReadAsStreamAsync(cancel);
                await using var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await body.ReadAsync(buffer, cancel)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    await output.WriteAsync(buffer.AsMemory(0, n), cancel);
                    bytes += n;
                }
                if (response.Content.Headers.ContentLength is { } expected && expected != bytes)
                    throw new DataFileException(url.ToString(), $"the download stopped after {bytes} of {expected} bytes", OfflineFix);
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancel.IsCancellationRequested))
            {
                throw new DataFileException(url.ToString(), $"download failed after {bytes} bytes ({e.Message})", OfflineFix, e);
            }
            _log?.Invoke($"downloaded {bytes} bytes");

            if (archiveOf is not null)
            {
                var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                if (actual != archiveOf.Archive!.Md5)
                    throw new DataFileException(url.ToString(), $"the downloaded archive has MD5 {actual}, not the published {archiveOf.Archive.Md5}", OfflineFix);
                importer.AddArchive(temp, url.ToString(), md5Checked: archiveOf);
            }
            else
            {
                importer.Add(new SourceEntry(url.ToString(), Path.GetFileName(url.AbsolutePath), temp, () => CompressedFile.OpenRead(temp)));
            }
        }
        finally
        {
            PartialFiles.Delete(temp);
        }
    }
}
