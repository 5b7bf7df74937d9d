using System.Net;
using System.Text;

namespace IdentityCrisis.Reports;

/// <summary>
/// One self-contained HTML file: inline CSS, every figure as a base64 data URI, no scripts
/// and no external references, so it can be mailed or archived as a single file.
/// </summary>
public static class HtmlReportWriter
{
    const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 1400px; margin: 2em auto; padding: 0 1em; color: #222; }
        h1 { border-bottom: 2px solid #444; } h2 { border-bottom: 1px solid #aaa; margin-top: 2em; }
        table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.9em; }
        th, td { border: 1px solid #bbb; padding: 3px 7px; text-align: left; vertical-align: top; }
        th { background: #eee; }
        tr.warning td { background: #fff3cd; } tr.error td { background: #f8d7da; }
        figure { margin: 1em 0 1.6em; } figure img { max-width: 100%; border: 1px solid #ddd; }
        figcaption { font-size: 0.9em; color: #444; max-width: 1100px; }
        pre { background: #f6f6f6; padding: 0.6em; overflow-x: auto; font-size: 0.85em; }
        caption { caption-side: top; text-align: left; font-size: 0.9em; color: #444; padding-bottom: 0.3em; }
        nav li { margin: 0.15em 0; }
        """;

    public static string Render(ReportDocument doc, FigureStore figures)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(doc.Title)).Append("</title>\n<style>\n")
          .Append(Style).Append("</style>\n</head>\n<body>\n");
        sb.Append("<h1>").Append(E(doc.Title)).Append("</h1>\n");
        var toc = doc.Blocks.OfType<Heading>().Where(h => h.Level == 2).ToList();
        if (toc.Count > 1)
        {
            sb.Append("<nav><ul>\n");
            foreach (var h in toc) sb.Append("<li><a href=\"#").Append(Anchor(h.Text)).Append("\">").Append(E(h.Text)).Append("</a></li>\n");
            sb.Append("</ul></nav>\n");
        }
        foreach (var block in doc.Blocks) Append(sb, block, figures);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    static void Append(StringBuilder sb, Block block, FigureStore figures)
    {
        switch (block)
        {
            case Heading h:
                int level = Math.Clamp(h.Level, 2, 6);
                sb.Append($"<h{level} id=\"").Append(Anchor(h.Text)).Append("\">").Append(E(h.Text)).Append($"</h{level}>\n");
                break;
            case Paragraph p:
                sb.Append("<p>").Append(E(p.Text)).Append("</p>\n");
                break;
            case Preformatted pre:
                sb.Append("<pre>").Append(E(pre.Text)).Append("</pre>\n");
                break;
            case Table t:
                if (t.Collapsed) sb.Append("<details><summary>").Append(E(t.Caption.Length > 0 ? t.Caption : "details")).Append("</summary>\n");
                sb.Append("<table>\n");
                if (t.Caption.Length > 0 && !t.Collapsed) sb.Append("<caption>").Append(E(t.Caption)).Append("</caption>\n");
                sb.Append("<tr>");
                foreach (var h in t.Header) sb.Append("<th>").Append(E(h)).Append("</th>");
                sb.Append("</tr>\n");
                foreach (var r in t.Rows)
                {
                    sb.Append(r.Mark switch { RowMark.Warning => "<tr class=\"warning\">", RowMark.Error => "<tr class=\"error\">", _ => "<tr>" });
                    foreach (var c in r.Cells) sb.Append("<td>").Append(E(c)).Append("</td>");
                    sb.Append("</tr>\n");
                }
                sb.Append("</table>\n");
                if (t.Collapsed) sb.Append("</details>\n");
                break;
            case Figure f:
                sb.Append("<figure><img alt=\"").Append(E(f.Caption)).Append("\" src=\"data:image/png;base64,")
                  .Append(Convert.ToBase64String(figures.Bytes(f.FileName))).Append("\"><figcaption>")
                  .Append(E(f.Caption)).Append("</figcaption></figure>\n");
                break;
            default:
                throw new ArgumentException($"unknown report block {block.GetType().Name}");
        }
    }

    public static string Anchor(string text) => FigureStore.Slug(text);

    static string E(string s) => WebUtility.HtmlEncode(s);
}
