using System.CommandLine;
using IdentityCrisis.Reports;
using IdentityCrisis.Reports.Export;
using IdentityCrisis.Storage;
using Microsoft.Data.Sqlite;

namespace IdentityCrisis.Cli.Commands;

/// <summary>`icrisis export`: a sweep database as CSV files, one per table (docs/results-db.md).</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var sweep = new Argument<string>("SWEEP_DIR") { Description = "A sweep folder holding results.sqlite (a parent of several exports each into a subfolder)" };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder for the CSV files", Required = true };
        var noImages = new Option<bool>("--no-images") { Description = $"Leave out the image tables ({string.Join(", ", CsvExport.ImageTables)}): the numbers only, a few hundred KB" };
        var command = new Command("export", "Write a sweep's results database as CSV files, one per table (invariant-culture numbers, NULL as an empty field).");
        command.Arguments.Add(sweep);
        command.Options.Add(outDir);
        command.Options.Add(noImages);
        command.SetAction(p =>
        {
            var output = p.InvocationConfiguration.Output;
            var folders = SweepDiscovery.Find([p.GetValue(sweep)!]);
            var root = p.GetValue(outDir)!.FullName;
            try
            {
                foreach (var folder in folders)
                {
                    var target = folders.Count == 1 ? root : Path.Combine(root, Path.GetFileName(folder));
                    using var db = ResultsDb.Open(Path.Combine(folder, ResultsDb.FileName), create: false);
                    foreach (var t in CsvExport.Export(db, target, includeImages: !p.GetValue(noImages)))
                        output.WriteLine($"{t.Path}: {t.Rows} rows");
                }
            }
            catch (Exception e) when (e is InvalidDataException or SqliteException or IOException or UnauthorizedAccessException)
            {
                p.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Failed;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
