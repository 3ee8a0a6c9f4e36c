using System.Text;
using NewsReader.Core.Reading;

namespace NewsReader.Core.Tests.Reading;

public class SeedReaderTests
{
    private static SeedText Read(string text, ReadLimits? limits = null) =>
        SeedReader.Read(Encoding.UTF8.GetBytes(text), "a.txt", limits: limits);

    private static SeedReadException Refused(byte[] bytes, ReadLimits? limits = null) =>
        Assert.Throws<SeedReadException>(() => SeedReader.Read(bytes, "bad.txt", limits: limits));

    [Fact]
    public void Read_PlainUtf8_ReturnsLinesInSeedFormat()
    {
        var text = Read("First paragraph.\n\nSecond one.");

        Assert.Equal(SeedFormat.Seed, text.Format);
        Assert.Equal(["First paragraph.", "", "Second one."], text.Lines);
    }

    [Theory]
    [InlineData("One.\r\n\r\nTwo.\r\n")]
    [InlineData("One.\r\rTwo.\r")]
    [InlineData("One.\n\nTwo.\n")]
    public void Read_AnyLineEnding_GivesSameLines(string raw)
    {
        var text = Read(raw);

        Assert.Equal(["One.", "", "Two."], text.Lines);
    }

    [Fact]
    public void Read_CrLfSplitAcrossChunks_IsOneLineBreak()
    {
        // 64 KiB chunks: put the \r as the last byte of the first chunk.
        var first = new string('a', (64 * 1024) - 1);
        var text = Read(first + "\r\nsecond");

        Assert.Equal(2, text.Lines.Count);
        Assert.Equal("second", text.Lines[1]);
    }

    [Fact]
    public void Read_MultiByteCharacterSplitAcrossChunks_Decoded()
    {
        // "€" is three bytes in UTF-8: start it two bytes before the 64 KiB chunk boundary.
        var first = new string('a', (64 * 1024) - 2);
        var text = Read(first + "€ tail");

        Assert.EndsWith("€ tail", text.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedSequenceAtEnd_RefusedWithOffset()
    {
        byte[] bytes = [.. "abc"u8.ToArray(), 0xE2, 0x82];

        var e = Refused(bytes);

        Assert.Equal(3, e.ByteOffset);
    }

    [Fact]
    public void Read_Utf8WithBom_DropsBom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Caf\u00e9 news.")).ToArray();

        var text = SeedReader.Read(bytes, "bom.txt");

        Assert.Equal(["Caf\u00e9 news."], text.Lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Utf16WithBom_Decodes(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Hello \u201cworld\u201d.\nNext.")).ToArray();

        var text = SeedReader.Read(bytes, "u16.txt");

        Assert.Equal(["Hello \u201cworld\u201d.", "Next."], text.Lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Utf16WithoutBom_DetectedByItsNulPatternAndDecoded(bool bigEndian)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes("Caf\u00e9 \u201cnews\u201d opens today.\nNext line.");

        var text = SeedReader.Read(bytes, "u16.txt");

        Assert.Equal(["Caf\u00e9 \u201cnews\u201d opens today.", "Next line."], text.Lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithoutBom_Patterns(bool bigEndian)
    {
        Assert.Equal(bigEndian, SeedReader.Utf16WithoutBom(new UnicodeEncoding(bigEndian, false).GetBytes("Plain ASCII text here.")));
        Assert.Null(SeedReader.Utf16WithoutBom(Encoding.UTF8.GetBytes("Plain ASCII text here.")));
        Assert.Null(SeedReader.Utf16WithoutBom([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]]));
    }

    [Fact]
    public void Read_BinaryWithNuls_StillRefusedAsBinary()
    {
        var e = Refused([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[2048]]);

        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Steve Thomas - IT Consultant\n")]
    [InlineData("By Jane Doe\n\nReuters\n")]
    [InlineData("Steve Thomas - IT Consultant\nBloomberg News\n2 March 2026\n")]
    public void Read_OnlyAByline_RefusedAsNoArticleText(string file)
    {
        var e = Refused(Encoding.UTF8.GetBytes(file));

        Assert.Contains("no article text after the header", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Steve Thomas - IT Consultant\n\nAcme Corp said on Monday it raised money.\n")]
    [InlineData("Acme raised money.\n")]
    [InlineData("# Acme Corp\n")]
    [InlineData("One\nTwo\nThree\nFour\n")]
    public void Read_BylineWithTextOrNotAByline_Read(string file) =>
        Assert.NotEmpty(SeedReader.Read(Encoding.UTF8.GetBytes(file), "ok.txt").Lines);

    [Fact]
    public void Read_DecomposedAccents_NormalisedToNfc()
    {
        var text = Read("Cafe\u0301 opens.");

        Assert.Equal("Caf\u00e9 opens.", text.Lines[0]);
    }

    [Fact]
    public void Read_RunsOfSpacesAndTabs_CollapsedAndTrimmed()
    {
        var text = Read("  Tencent \t\t led   the round . \t");

        Assert.Equal("Tencent led the round .", text.Lines[0]);
    }

    [Fact]
    public void Read_TypographicQuotesAndDashes_KeptAsTheyAre()
    {
        const string line = "\u2018total\u2019 \u201cprovider\u201d \u2014 BEIJING, CHINA \u2013 x";

        Assert.Equal(line, Read(line).Lines[0]);
    }

    [Fact]
    public void Read_EmptyFile_Refused()
    {
        var e = Refused([]);

        Assert.Equal("bad.txt", e.FileName);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.txt: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhitespaceOnly_Refused()
    {
        var e = Refused(Encoding.UTF8.GetBytes(" \n\t\r\n   \n"));

        Assert.Contains("only whitespace", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NulByte_RefusedAsBinaryWithOffset()
    {
        var e = Refused([(byte)'a', (byte)'b', 0, (byte)'c']);

        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.ByteOffset);
    }

    [Fact]
    public void Read_ManyControlCharacters_RefusedAsBinary()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i % 10 == 0 ? 0x01 : 'x')).ToArray();

        var e = Refused(bytes);

        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AFewStrayControlCharacters_AcceptedAndDropped()
    {
        var text = Read(new string('x', 500) + "\u0007y");

        Assert.Equal(new string('x', 500) + "y", text.Lines[0]);
    }

    [Fact]
    public void Read_InvalidUtf8_RefusedWithByteOffset()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Good text "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" more")];

        var e = Refused(bytes);

        Assert.Contains("invalid UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Equal(10, e.ByteOffset);
        Assert.Contains("byte offset 10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8InLaterChunk_ReportsAbsoluteOffset()
    {
        var good = Encoding.UTF8.GetBytes(new string('a', 100_000));
        byte[] bytes = [.. good, 0xFF, .. "b"u8.ToArray()];

        var e = Refused(bytes);

        Assert.Equal(100_000, e.ByteOffset);
    }

    [Fact]
    public void Read_Latin1Text_RefusedAsInvalidUtf8()
    {
        var bytes = Encoding.Latin1.GetBytes("Caf\u00e9 na\u00efve");

        var e = Refused(bytes);

        Assert.Contains("invalid UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, e.ByteOffset);
    }

    [Fact]
    public void Read_FileOverSizeLimit_Refused()
    {
        var e = Refused(Encoding.UTF8.GetBytes(new string('a', 2000)), new ReadLimits(MaxFileBytes: 1000));

        Assert.Contains("larger than the limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NonSeekableStreamOverLimit_Refused()
    {
        await using var stream = new NonSeekableStream(new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 300_000))));

        var e = await Assert.ThrowsAsync<SeedReadException>(() =>
            SeedReader.ReadAsync(stream, "upload.txt", limits: new ReadLimits(MaxFileBytes: 100_000)));

        Assert.Contains("larger than the limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LineOverLimit_RefusedNamingTheLine()
    {
        var e = Refused(Encoding.UTF8.GetBytes("short\n" + new string('a', 200)), new ReadLimits(MaxLineChars: 100));

        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LineOverLimitBeforeLastLine_RefusedNamingTheLine()
    {
        var e = Refused(Encoding.UTF8.GetBytes("short\n" + new string('a', 200) + "\nlast"), new ReadLimits(MaxLineChars: 100));

        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ControlCharacterBetweenCrAndLf_TwoLineBreaks()
    {
        var two = new string('b', 200); // enough text that one control character is no sign of a binary file
        var text = Read("One.\r\u0007\n" + two);

        Assert.Equal(["One.", "", two], text.Lines);
    }

    [Theory]
    [InlineData("Plain ASCII text, with “typographic” quotes — and dashes.", true)]
    [InlineData("", true)]
    [InlineData("two  spaces", false)]
    [InlineData(" leading", false)]
    [InlineData("trailing ", false)]
    [InlineData("a\ttab", false)]
    [InlineData("no\u00A0break space", false)]
    [InlineData("e\u0301 decomposed", false)]
    [InlineData("bom\uFEFF", false)]
    public void IsNormalized_Cases(string line, bool expected)
    {
        Assert.Equal(expected, TextNormalizer.IsNormalized(line));
        Assert.Equal(expected, TextNormalizer.NormalizeLine(line) == line);
    }

    [Fact]
    public void Read_DefaultLimits_Are50MbAnd1Mb()
    {
        Assert.Equal(50L * 1024 * 1024, ReadLimits.Default.MaxFileBytes);
        Assert.Equal(1024 * 1024, ReadLimits.Default.MaxLineChars);
    }

    [Fact]
    public async Task ReadFileAsync_MissingFile_RefusedWithName()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt");

        var e = await Assert.ThrowsAsync<SeedReadException>(() => SeedReader.ReadFileAsync(path));

        Assert.Equal(Path.GetFileName(path), e.FileName);
    }

    [Fact]
    public void Read_OpensWithHeading_DetectedAsMarkdown()
    {
        var text = Read("# First story\n\nBody.\n\n## Second story\n\nMore.");

        Assert.Equal(SeedFormat.Markdown, text.Format);
    }

    [Fact]
    public void Read_HashtagLine_NotMarkdown()
    {
        var text = Read("#MeToo spread fast.\n\nAnother paragraph.");

        Assert.Equal(SeedFormat.Seed, text.Format);
    }

    [Fact]
    public void Read_FormatForced_Kept()
    {
        var text = SeedReader.Read(Encoding.UTF8.GetBytes("# Not a heading really"), "x.txt", SeedFormat.Seed);

        Assert.Equal(SeedFormat.Seed, text.Format);
    }

    [Theory]
    [InlineData("# Title", true)]
    [InlineData("## Title", true)]
    [InlineData("### Deeper", false)]
    [InlineData("#hashtag", false)]
    [InlineData("# ", false)]
    [InlineData("No heading", false)]
    public void IsMarkdownHeading_Cases(string line, bool expected)
    {
        Assert.Equal(expected, SeedReader.IsMarkdownHeading(line));
    }

    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
