using IdentityCrisis.Storage;

namespace IdentityCrisis.Theory;

/// <summary>
/// The files `icrisis theory run` leaves: theory.json (<see cref="TheoryRunResult"/>, schema in
/// docs/theory.md), loss.csv (step,loss) and figure.png (<see cref="TheoryGridFigure"/>).
/// </summary>
public static class TheoryRunFolder
{
    public const string ResultFile = "theory.json";

    public static void Write(string dir, TheoryRunResult result, TheoryFigureData figure, IReadOnlyList<Results.LossPoint> loss)
    {
        Directory.CreateDirectory(dir);
        TheoryFiles.WriteText(Path.Combine(dir, ResultFile), ResultJson.Serialize(result));
        TheoryFiles.WriteText(Path.Combine(dir, "loss.csv"), RunFolder.LossCsv(loss));
        TheoryGridFigure.RenderPng(Path.Combine(dir, "figure.png"), result, figure);
    }

    public static TheoryRunResult Read(string dir) => ResultJson.Deserialize<TheoryRunResult>(File.ReadAllText(Path.Combine(dir, ResultFile)));
}
