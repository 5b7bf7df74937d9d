using System.CommandLine;
using IdentityCrisis.Data;

namespace IdentityCrisis.Cli.Commands;

/// <summary>`icrisis data`: fetch full datasets into the cache, list what is available, rebuild the embedded pack.</summary>
public static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Datasets: the embedded pack, and full MNIST, Fashion-MNIST and CIFAR-10 fetched into a cache folder.");
        command.Subcommands.Add(CreateFetch());
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateBuildPack());
        return command;
    }

    private static Option<string?> DirOption() => new("--dir", "--data-dir")
    {
        Description = $"Cache folder of fetched datasets [default: ${DataDirectory.EnvironmentVariable} or ~/.cache/icrisis/data]",
    };

    private static Command CreateFetch()
    {
        var mnist = new Option<bool>("--mnist") { Description = "Fetch MNIST (11 MB download)" };
        var fashion = new Option<bool>("--fashion") { Description = "Fetch Fashion-MNIST (30 MB download)" };
        var cifar = new Option<bool>("--cifar") { Description = "Fetch CIFAR-10, binary version (163 MB download)" };
        var from = new Option<string?>("--from")
        {
            Description = "Import from a local folder (official file names, raw or .gz, any depth) or a .tar.gz/.tgz/.tar/.zip archive instead of downloading",
        };
        var dir = DirOption();
        var command = new Command("fetch",
            "Download (or import with --from) full datasets into the cache, verifying every file before it is used. Default: all three.");
        command.Options.Add(mnist);
        command.Options.Add(fashion);
        command.Options.Add(cifar);
        command.Options.Add(from);
        command.Options.Add(dir);
        command.SetAction(p =>
        {
            var output = p.InvocationConfiguration.Output;
            var error = p.InvocationConfiguration.Error;
            var chosen = new List<DatasetSpec>();
            if (p.GetValue(mnist)) chosen.Add(DatasetSpec.Mnist);
            if (p.GetValue(fashion)) chosen.Add(DatasetSpec.Fashion);
            if (p.GetValue(cifar)) chosen.Add(DatasetSpec.Cifar);
            bool explicitSelection = chosen.Count > 0;
            var datasets = explicitSelection ? chosen : DatasetSpec.All.ToList();

            var fromPath = p.GetValue(from);
            if (fromPath is not null && !File.Exists(fromPath) && !Directory.Exists(fromPath))
            {
                error.WriteLine($"error: --from {fromPath}: no such file or folder");
                return ExitCodes.BadInput;
            }

            var fetcher = new DatasetFetcher(p.GetValue(dir), log: line => output.WriteLine(line));
            output.WriteLine($"data directory: {fetcher.Directory.Root}");
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
            Console.CancelKeyPress += onCancel;
            try
            {
                var outcomes = fromPath is not null
                    ? fetcher.Import(fromPath, datasets, explicitSelection)
                    : fetcher.DownloadAsync(datasets, cancel.Token).GetAwaiter().GetResult();
                foreach (var outcome in outcomes)
                    (outcome.Status == FetchStatus.Failed ? error : output).WriteLine(outcome.Message);
                if (outcomes.All(o => o.Status == FetchStatus.NotFound))
                {
                    error.WriteLine($"error: no dataset files found in {fromPath}; expected the official names (see docs/data.md)");
                    return ExitCodes.Failed;
                }
                return outcomes.Any(o => o.Status == FetchStatus.Failed) ? ExitCodes.Failed : ExitCodes.Ok;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }

    private static Command CreateList()
    {
        var dir = DirOption();
        var verify = new Option<bool>("--verify") { Description = "Re-hash every fetched file (slower) instead of trusting its verified marker" };
        var command = new Command("list", "Show the embedded pack and the fetched datasets: counts, sources and verification.");
        command.Options.Add(dir);
        command.Options.Add(verify);
        command.SetAction(p =>
        {
            var output = p.InvocationConfiguration.Output;
            var directory = new DataDirectory(p.GetValue(dir));
            output.WriteLine("Embedded pack (compiled into IdentityCrisis.Core; checked against its manifest on first use):");
            var manifest = EmbeddedPack.Manifest;
            foreach (var file in manifest.Files.Where(f => f.Kind == "images"))
            {
                var set = EmbeddedPack.Load(file.Set);
                output.WriteLine($"  {file.Set,-13} {set.Count,6} images, source indices {file.FirstSourceIndex}..{file.FirstSourceIndex + file.Count - 1}, {file.Licence}");
            }
            output.WriteLine();
            output.WriteLine($"Fetched datasets in {directory.Root}:");
            bool damaged = false;
            foreach (var dataset in DatasetSpec.All)
            {
                var marker = directory.InstalledMarker(dataset);
                if (marker is null)
                {
                    output.WriteLine($"  {dataset.Title,-13} not fetched (run `icrisis data fetch --{dataset.Id}`)");
                    continue;
                }
                var problems = p.GetValue(verify) ? FetchedFiles.Verify(directory, dataset, marker) : [];
                damaged |= problems.Count > 0;
                var state = problems.Count > 0 ? "DAMAGED" : p.GetValue(verify) ? "verified now" : $"verified {marker.VerifiedUtc:yyyy-MM-dd HH:mm}Z";
                output.WriteLine($"  {dataset.Title,-13} {string.Join(", ", FetchedFiles.Counts(dataset, marker).Select(c => $"{c.Set} {c.Count}"))}; {state}");
                output.WriteLine($"  {"",-13} checked by: {marker.VerifiedBy}");
                output.WriteLine($"  {"",-13} from: {marker.Source}");
                foreach (var problem in problems) output.WriteLine($"  {"",-13} {problem}");
            }
            return damaged ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateBuildPack()
    {
        var mnist = new Option<string>("--mnist") { Description = "Folder of the official MNIST files (raw or .gz)", Required = true };
        var fashion = new Option<string>("--fashion") { Description = "Folder of the official Fashion-MNIST files (raw or .gz)", Required = true };
        var skimage = new Option<string>("--skimage") { Description = "The skimage/data folder of python3-skimage 0.19.3", Required = true };
        var outDir = new Option<string>("--out") { Description = "Where to write the pack [default: data/pack]", DefaultValueFactory = _ => Path.Combine("data", "pack") };
        var command = new Command("build-pack", "Rebuild the embedded data pack (data/pack) from the public source files; see docs/data.md.");
        command.Options.Add(mnist);
        command.Options.Add(fashion);
        command.Options.Add(skimage);
        command.Options.Add(outDir);
        command.SetAction(p =>
        {
            var output = p.InvocationConfiguration.Output;
            var folders = new[] { (mnist, p.GetValue(mnist)!), (fashion, p.GetValue(fashion)!), (skimage, p.GetValue(skimage)!) };
            foreach (var (option, folder) in folders)
                if (!Directory.Exists(folder))
                {
                    p.InvocationConfiguration.Error.WriteLine($"error: {option.Name} {folder}: no such folder");
                    return ExitCodes.BadInput;
                }
            new PackBuilder(line => output.WriteLine(line)).Build(folders[0].Item2, folders[1].Item2, folders[2].Item2, p.GetValue(outDir)!);
            return ExitCodes.Ok;
        });
        return command;
    }
}
