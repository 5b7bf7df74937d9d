namespace IdentityCrisis.Reports;

/// <summary>
/// The report as format-neutral blocks. Sections build these once; the HTML and Markdown
/// writers render the same blocks, so the two reports cannot drift apart.
/// </summary>
public abstract record Block;

public sealed record Heading(int Level, string Text) : Block;

/// <summary>Plain text; writers escape it.</summary>
public sealed record Paragraph(string Text) : Block;

/// <summary>Verbatim text (environment, error messages).</summary>
public sealed record Preformatted(string Text) : Block;

public enum RowMark { None, Warning, Error }

public sealed record TableRow(IReadOnlyList<string> Cells, RowMark Mark = RowMark.None);

/// <summary>A table; Collapsed ones are long detail tables shown folded (HTML details element).</summary>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<TableRow> Rows, string Caption = "", bool Collapsed = false) : Block;

/// <summary>A PNG from the figure store, by file name under figures/.</summary>
public sealed record Figure(string FileName, string Caption) : Block;

public sealed record ReportDocument(string Title, IReadOnlyList<Block> Blocks);
