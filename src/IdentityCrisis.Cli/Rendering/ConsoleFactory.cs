using Spectre.Console;

namespace IdentityCrisis.Cli.Rendering;

public static class ConsoleFactory
{
    /// <summary>A Spectre console on the given writer; live widgets only when it is a real terminal.</summary>
    public static IAnsiConsole Create(TextWriter writer)
    {
        bool terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        // Logs and tests have no terminal width; 80 columns would wrap every table cell.
        if (!terminal) console.Profile.Width = 200;
        return console;
    }
}
