using NewsReader.Core.Dedup;
using NewsReader.Core.Extraction;
using NewsReader.Core.Parsing;

namespace NewsReader.Core.Importing;

/// <summary>A parsed story with its dedup keys, computed before the import takes the write lock.</summary>
internal sealed class IncomingStory
{
    private readonly Func<ParsedStory, ExtractedEntities>? _extract;
    private HashSet<ulong>? _shingles;
    private long[]? _bandKeys;
    private ExtractedEntities? _entities;

    /// <param name="extract">
    /// When given, the article was parsed without entities and this finds them, on first use of
    /// <see cref="Entities"/>: a story already stored never needs them.
    /// </param>
    public IncomingStory(ParsedStory article, Func<ParsedStory, ExtractedEntities>? extract = null)
    {
        Parsed = article;
        _extract = extract;
        Body = article.BodyMarkdown;

        Fingerprint = TextFingerprint.OfNormalized(Normalized());
        HasText = article.Paragraphs.Any(p => p.Text.Any(char.IsLetterOrDigit));
    }

    public ParsedStory Parsed { get; }

    public string Body { get; }

    public string Fingerprint { get; }

    public bool HasText { get; }

    /// <summary>The article's companies, countries and topics (extracted on first use when the parse left them out).</summary>
    public ExtractedEntities Entities => _entities ??= _extract is null ? Parsed.Entities : _extract(Parsed);

    public HashSet<ulong> Shingles => _shingles ??= MinHasher.ShinglesOfNormalized(Normalized());

    public long[] BandKeys => _bandKeys ??= MinHasher.BandKeysOfNormalized(Normalized());

    // Paragraph texts only: whether a line was read as a subheading must not change the keys. Not
    // kept: normalising again costs less than holding a second copy of every text while a file
    // imports (measured: docs/performance.md, "Import, allocation round").
    private string Normalized() => TextFingerprint.NormalizeParagraphs(Parsed.Paragraphs);
}
