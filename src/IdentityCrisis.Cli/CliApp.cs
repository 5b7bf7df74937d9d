using System.CommandLine;
using IdentityCrisis.Cli.Commands;
using IdentityCrisis.Config;
using IdentityCrisis.Data;

namespace IdentityCrisis.Cli;

/// <summary>
/// Exit codes: 0 success; 1 a failure while running (I/O, a corrupt file); 2 bad input
/// (unknown flag, invalid config) caught before any compute; 3 training diverged (results still written).
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0, Failed = 1, BadInput = 2, Diverged = 3;
}

/// <summary>The command tree. Commands are thin: they resolve options and call the library.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "icrisis: train a network on one image and see whether it learned the identity or a constant " +
            "(Zhang et al., \"Identity Crisis\", ICLR 2020).");
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(DataCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());
        root.Subcommands.Add(TheoryCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(EnvCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; output and errors go to the given writers so tests can capture them.</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"error: {e.Message}");
            error.WriteLine($"Run '{string.Join(' ', ["icrisis", .. CommandPath(parse)])} --help' for the valid options.");
            return ExitCodes.BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (ConfigException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (DataFileException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("cancelled; finished results were kept.");
            return ExitCodes.Failed;
        }
    }

    static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null && r.Parent is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, r.Command.Name);
        return names;
    }
}
