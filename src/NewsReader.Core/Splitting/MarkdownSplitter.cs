namespace NewsReader.Core.Splitting;

/// <summary>
/// Splits the Markdown format: a <c>#</c> or <c>##</c> heading starts an article and is its title;
/// deeper headings are subheadings; consecutive non-blank lines form one paragraph.
/// </summary>
internal static class MarkdownSplitter
{
    public static SplitResult Split(IReadOnlyList<string> lines, SplitterLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var header = new List<string>();
        var articles = new List<SplitArticle>();
        string? title = null;
        var firstLine = 0;
        var body = new List<Paragraph>();
        var pending = new List<string>();
        var pendingLine = 0;
        var sawHeading = false;

        void FlushParagraph()
        {
            if (pending.Count == 0)
            {
                return;
            }

            var text = string.Join(' ', pending);
            pending.Clear();
            var kind = ParagraphShape.IsCaption(text, lexicon) ? ParagraphKind.Caption : ParagraphKind.Text;
            AddParagraph(new Paragraph(text, kind), pendingLine);
        }

        void AddParagraph(Paragraph p, int line)
        {
            if (body.Count > 0 && ParagraphShape.LooselyEqual(body[^1].Text, p.Text))
            {
                body[^1] = body[^1] with { Kind = ParagraphKind.Caption }; // printed twice in a row: a caption, kept once
                return;
            }

            if (body.Count == 0 && title is null && firstLine == 0)
            {
                firstLine = line;
            }

            body.Add(p);
        }

        void FlushArticle()
        {
            FlushParagraph();
            if (title is null && !sawHeading && body.Count > 0 && body.All(p => ParagraphShape.IsShortUnpunctuated(p.Text)))
            {
                header.AddRange(body.Select(p => p.Text)); // short lines before the first heading: byline/source
            }
            else if (title is not null || body.Count > 0)
            {
                articles.Add(new SplitArticle(title, [.. body], firstLine, 1.0));
            }

            body = [];
            title = null;
            firstLine = 0;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var level = HeadingLevel(line);
            if (level is 1 or 2)
            {
                FlushArticle();
                sawHeading = true;
                title = HeadingText(line, level);
                firstLine = i + 1;
            }
            else if (level >= 3)
            {
                FlushParagraph();
                AddParagraph(new Paragraph(HeadingText(line, level), ParagraphKind.Subheading), i + 1);
            }
            else if (line.Length == 0)
            {
                FlushParagraph();
            }
            else
            {
                if (pending.Count > 0 && IsListItem(line))
                {
                    FlushParagraph(); // a list item starts its own paragraph
                }

                if (pending.Count == 0)
                {
                    pendingLine = i + 1;
                }

                pending.Add(line);
            }
        }

        FlushArticle();
        return new SplitResult(header, articles);
    }

    /// <summary>Number of leading <c>#</c> when followed by a space (ATX heading), else 0.</summary>
    internal static int HeadingLevel(string line)
    {
        var k = 0;
        while (k < line.Length && line[k] == '#')
        {
            k++;
        }

        return k is > 0 and <= 6 && (k == line.Length || line[k] == ' ') ? k : 0;
    }

    private static string HeadingText(string line, int level) => line[level..].Trim().TrimEnd('#').Trim();

    private static bool IsListItem(string line) =>
        line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal)
        || line.StartsWith("+ ", StringComparison.Ordinal)
        || (line.Length > 2 && char.IsDigit(line[0]) && line.AsSpan(1).TrimStart("0123456789").StartsWith(". "));
}
