using System.Text;

namespace IdentityCrisis.Reports;

/// <summary>Markdown (GitHub flavour) with the figures as files under figures/ beside it.</summary>
public static class MarkdownReportWriter
{
    public static string Render(ReportDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Inline(doc.Title)).Append("\n\n");
        var toc = doc.Blocks.OfType<Heading>().Where(h => h.Level == 2).ToList();
        if (toc.Count > 1)
        {
            foreach (var h in toc) sb.Append("- ").Append(Inline(h.Text)).Append('\n');
            sb.Append('\n');
        }
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    sb.Append(new string('#', Math.Clamp(h.Level, 2, 6))).Append(' ').Append(Inline(h.Text)).Append("\n\n");
                    break;
                case Paragraph p:
                    sb.Append(Inline(p.Text)).Append("\n\n");
                    break;
                case Preformatted pre:
                    sb.Append("```\n").Append(pre.Text.Replace("```", "'''")).Append("\n```\n\n");
                    break;
                case Table t:
                    if (t.Collapsed) sb.Append("<details><summary>").Append(System.Net.WebUtility.HtmlEncode(t.Caption)).Append("</summary>\n\n");
                    else if (t.Caption.Length > 0) sb.Append('*').Append(Inline(t.Caption)).Append("*\n\n");
                    sb.Append("| ").Append(string.Join(" | ", t.Header.Select(Cell))).Append(" |\n");
                    sb.Append('|').Append(string.Concat(t.Header.Select(_ => " --- |"))).Append('\n');
                    foreach (var r in t.Rows) sb.Append("| ").Append(string.Join(" | ", r.Cells.Select(Cell))).Append(" |\n");
                    sb.Append('\n');
                    if (t.Collapsed) sb.Append("</details>\n\n");
                    break;
                case Figure f:
                    sb.Append("![").Append(Cell(f.Caption).Replace("]", "\\]")).Append("](").Append(FigureStore.FolderName).Append('/').Append(f.FileName).Append(")\n\n")
                      .Append('*').Append(Inline(f.Caption)).Append("*\n\n");
                    break;
                default:
                    throw new ArgumentException($"unknown report block {block.GetType().Name}");
            }
        }
        return sb.ToString();
    }

    /// <summary>Escapes the characters Markdown would read as markup inside running text.</summary>
    static string Inline(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or '<' or '>' or '|') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    static string Cell(string s) => Inline(s.Replace("\r", "").Replace("\n", " "));
}
