using NewsReader.Core.Dedup;
using NewsReader.Core.Importing;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Dedup;

public sealed class TextFingerprintTests
{
    [Theory]
    [InlineData("It\u2019s \u201Cdone\u201D \u2014 now.", "It's \"done\" - now.")]
    [InlineData("Two   spaces\n\nand lines", "two spaces and lines")]
    [InlineData("Caf\u0065\u0301 opens", "Caf\u00E9 opens")]
    [InlineData("\uFB01nance \u2013 5\u20137", "finance - 5-7")]
    public void Of_StyleVariants_SameFingerprint(string a, string b) =>
        Assert.Equal(TextFingerprint.Of(a), TextFingerprint.Of(b));

    [Fact]
    public void Of_DifferentWords_DifferentFingerprint() =>
        Assert.NotEqual(TextFingerprint.Of("Prices rose."), TextFingerprint.Of("Prices fell."));

    [Fact]
    public void Of_Always64LowerHexDigits() =>
        Assert.Matches("^[0-9a-f]{64}$", TextFingerprint.Of("anything"));

    // Fingerprints are stored: the ASCII fast path must give exactly what the general rule gives.
    [Fact]
    public void Normalize_EveryCharacterOfTheBasicPlane_SameAsTheGeneralRule()
    {
        var all = new System.Text.StringBuilder();
        for (var c = 0; c < 0x3000; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                all.Append((char)c).Append('x').Append((char)c).Append((char)c);
            }
        }

        var text = all.ToString();
        var source = text.Normalize(System.Text.NormalizationForm.FormKC);
        Assert.Equal(GeneralRule(source), TextFingerprint.Normalize(text));
    }

    // Text whose only non-ASCII characters are quotes, dashes, spaces or ellipses skips ICU: each such
    // character, alone and among others, must come out as NFKC and the general rule make it.
    [Fact]
    public void Normalize_EveryCharacterOfTheFastPath_SameAsTheGeneralRule()
    {
        var chars = Enumerable.Range(0xA0, 0x3001 - 0xA0).Select(c => (char)c)
            .Where(c => !char.IsSurrogate(c) && TextFingerprint.Normalize("a" + c).Length > 0).ToList();
        foreach (var c in chars)
        {
            foreach (var text in new[] { $"A{c}b", $"{c}", $" {c} x", $"x{c}{c}\u201Cy\u201D", $"e\u0301{c}\u2014\u00A0Z", $"{c}\u2026" })
            {
                Assert.Equal(GeneralRule(text.Normalize(System.Text.NormalizationForm.FormKC)), TextFingerprint.Normalize(text));
            }
        }
    }

    // Stored fingerprints were made from the paragraphs joined by blank lines: the streamed form must not change them.
    public static TheoryData<string[]> ParagraphTexts => new()
    {
        { ["First paragraph.", "Second one."] },
        { ["  Leading and trailing  ", "", "   ", "\uFB01nance \u2013 Caf\u0065\u0301"] },
        { ["\u0301combining first", "e", "\u0301 after a paragraph break"] },
        { [""] },
        { [] },
    };

    [Theory]
    [MemberData(nameof(ParagraphTexts))]
    public void NormalizeParagraphs_SameAsTheJoinedText(string[] texts)
    {
        var paragraphs = texts.Select(t => new Paragraph(t)).ToList();
        Assert.Equal(TextFingerprint.Normalize(string.Join("\n\n", texts)), TextFingerprint.NormalizeParagraphs(paragraphs));
    }

    private static string GeneralRule(string source)
    {
        var sb = new System.Text.StringBuilder(source.Length);
        var space = false;
        foreach (var raw in source)
        {
            if (char.IsWhiteSpace(raw) || char.IsControl(raw))
            {
                space = sb.Length > 0;
                continue;
            }

            var c = raw switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => char.ToLowerInvariant(raw),
            };
            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
