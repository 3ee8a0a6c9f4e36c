using NewsReader.Core.Parsing;

namespace NewsReader.Core.Importing;

/// <summary>A parsed story with its dedup keys, computed before the import takes the write lock.</summary>
internal sealed class IncomingStory
{
    private HashSet<ulong>? _shingles;
    private long[]? _bandKeys;

    public IncomingStory(ParsedArticle article)
    {
        Article = article;
        Body = article.BodyMarkdown;

        // Paragraph texts only: whether a line was read as a subheading must not change the key.
        PlainText = string.Join("\n\n", article.Paragraphs.Select(p => p.Text));
        Normalized = TextFingerprint.Normalize(PlainText);
        Fingerprint = TextFingerprint.OfNormalized(Normalized);
        HasText = PlainText.Any(char.IsLetterOrDigit);
    }

    public ParsedArticle Article { get; }

    public string Body { get; }

    public string PlainText { get; }

    public string Normalized { get; }

    public string Fingerprint { get; }

    public bool HasText { get; }

    public HashSet<ulong> Shingles => _shingles ??= MinHasher.ShinglesOfNormalized(Normalized);

    public long[] BandKeys => _bandKeys ??= MinHasher.BandKeysOfNormalized(Normalized);
}
