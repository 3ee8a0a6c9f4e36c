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
        var state = new State(lexicon);
        for (var i = 0; i < lines.Count; i++)
        {
            state.Read(lines[i], i + 1);
        }

        state.FlushArticle();
        return new SplitResult(state.Header, state.Articles);
    }

    /// <summary>The article and the paragraph being read, line by line.</summary>
    private sealed class State(SplitterLexicon lexicon)
    {
        private string? _title;
        private int _firstLine;
        private List<Paragraph> _body = [];
        private readonly List<string> _pending = [];
        private int _pendingLine;
        private bool _sawHeading;

        public List<string> Header { get; } = [];

        public List<SplitArticle> Articles { get; } = [];

        /// <summary>One line (<paramref name="number"/> 1-based): a heading, a blank line, or part of a paragraph.</summary>
        public void Read(string line, int number)
        {
            var level = HeadingLevel(line);
            if (level is 1 or 2)
            {
                FlushArticle();
                _sawHeading = true;
                _title = HeadingText(line, level);
                _firstLine = number;
            }
            else if (level >= 3)
            {
                FlushParagraph();
                AddParagraph(new Paragraph(HeadingText(line, level), ParagraphKind.Subheading), number);
            }
            else if (line.Length == 0)
            {
                FlushParagraph();
            }
            else
            {
                if (_pending.Count > 0 && IsListItem(line))
                {
                    FlushParagraph(); // a list item starts its own paragraph
                }

                if (_pending.Count == 0)
                {
                    _pendingLine = number;
                }

                _pending.Add(line);
            }
        }

        public void FlushArticle()
        {
            FlushParagraph();
            if (_title is null && !_sawHeading && _body.Count > 0 && _body.All(p => ParagraphShape.IsShortUnpunctuated(p.Text)))
            {
                Header.AddRange(_body.Select(p => p.Text)); // short lines before the first heading: byline/source
            }
            else if (_title is not null || _body.Count > 0)
            {
                Articles.Add(new SplitArticle(_title, [.. _body], _firstLine, 1.0));
            }

            _body = [];
            _title = null;
            _firstLine = 0;
        }

        private void FlushParagraph()
        {
            if (_pending.Count == 0)
            {
                return;
            }

            var text = string.Join(' ', _pending);
            _pending.Clear();
            var kind = ParagraphShape.IsCaption(text, lexicon) ? ParagraphKind.Caption : ParagraphKind.Text;
            AddParagraph(new Paragraph(text, kind), _pendingLine);
        }

        private void AddParagraph(Paragraph p, int line)
        {
            if (_body.Count > 0 && ParagraphShape.LooselyEqual(_body[^1].Text, p.Text))
            {
                _body[^1] = _body[^1] with { Kind = ParagraphKind.Caption }; // printed twice in a row: a caption, kept once
                return;
            }

            if (_body.Count == 0 && _title is null && _firstLine == 0)
            {
                _firstLine = line;
            }

            _body.Add(p);
        }
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
