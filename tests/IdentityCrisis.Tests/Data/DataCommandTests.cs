using System.CommandLine;
using IdentityCrisis.Cli.Commands;

namespace IdentityCrisis.Tests.Data;

public class DataCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand { DataCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void ListShowsThePackAndWhatIsNotFetched()
    {
        using var cache = new TempFolder();
        var (exit, output, _) = Run("data", "list", "--dir", cache.Path);

        Assert.Equal(0, exit);
        Assert.Contains("mnist-train     2000 images, source indices 0..1999", output);
        Assert.Contains("natural           80 images", output);
        Assert.Contains("CIFAR-10      not fetched (run `icrisis data fetch --cifar`)", output);
    }

    [Fact]
    public void FetchFromACorruptFileNamesItAndFails()
    {
        using var source = new TempFolder();
        using var cache = new TempFolder();
        File.WriteAllBytes(source["t10k-labels-idx1-ubyte.gz"], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff]);

        var (exit, _, error) = Run("data", "fetch", "--mnist", "--from", source.Path, "--dir", cache.Path);

        Assert.Equal(1, exit);
        Assert.Contains($"rejected {source["t10k-labels-idx1-ubyte.gz"]}: corrupt gzip data", error);
        Assert.Contains("MNIST: not installed (cache unchanged)", error);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void FetchFromAMissingPathIsBadInput()
    {
        var (exit, _, error) = Run("data", "fetch", "--from", "/nonexistent/folder");
        Assert.Equal(2, exit);
        Assert.Contains("--from /nonexistent/folder: no such file or folder", error);
    }

    [Fact]
    public void FetchFromAFolderWithNothingUsefulFails()
    {
        using var source = new TempFolder();
        using var cache = new TempFolder();
        var (exit, output, error) = Run("data", "fetch", "--from", source.Path, "--dir", cache.Path);

        Assert.Equal(1, exit);
        Assert.Contains("MNIST: no files found", output);
        Assert.Contains("no dataset files found", error);
    }
}
