namespace IdentityCrisis.Reports.Sections;

/// <summary>Where sections put their output: blocks in report order, figures into the shared store.</summary>
public sealed class SectionContext(FigureStore figures)
{
    public List<Block> Blocks { get; } = [];
    public FigureStore Figures { get; } = figures;

    public void Heading(int level, string text) => Blocks.Add(new Heading(level, text));
    public void Paragraph(string text) => Blocks.Add(new Paragraph(text));
    public void Add(Block block) => Blocks.Add(block);

    public void Figure(string name, byte[] png, string caption) => Blocks.Add(new Figure(Figures.Add(name, png), caption));
}
