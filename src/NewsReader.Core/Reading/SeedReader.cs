using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace NewsReader.Core.Reading;

/// <summary>
/// Reads a seed file: detects the encoding (UTF-8 with or without BOM, UTF-16 with a BOM or, without
/// one, by its pattern of NUL bytes), refuses what is not text or has no article text, and normalises
/// each line. Streams the file, so memory stays near the size of
/// the text itself.
/// </summary>
public static class SeedReader
{
    private const int ChunkBytes = 64 * 1024;

    // Above this share of control characters a file is treated as binary, not text.
    private const double MaxControlShare = 0.01;

    // UTF-16 without a BOM: of the first bytes' pairs, at least this share must be one zero byte and one
    // non-zero byte in the same order (ASCII-range text), and none the other way round.
    private const int Utf16SniffBytes = 1024;
    private const double MinUtf16PairShare = 0.6;

    // A byline or source line: at most this many lines of at most this many characters (the splitter's
    // header is up to three such lines; a seed file of nothing else has no article text).
    private const int MaxBylineLines = 3;
    private const int MaxBylineChars = 90;

    // What the line cutter stops at: line ends and control characters (tab is text).
    private static readonly SearchValues<char> LineEndsAndControls = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    /// <summary>Reads and validates a file from disk.</summary>
    /// <exception cref="SeedReadException">The file is empty, binary, badly encoded or too big.</exception>
    /// <param name="fileName">The name in messages (default: the path's own).</param>
    public static async Task<SeedText> ReadFileAsync(
        string path, SeedFormat format = SeedFormat.Auto, ReadLimits? limits = null, string? fileName = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = fileName ?? Path.GetFileName(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SeedReadException(name, "cannot open the file: " + e.Message);
        }

        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, name, format, limits, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads and validates bytes already in memory (tests, benchmarks); synchronous, as nothing waits.</summary>
    public static SeedText Read(byte[] bytes, string fileName, SeedFormat format = SeedFormat.Auto, ReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(fileName);
        using var stream = new MemoryStream(bytes, writable: false);
        using var decoder = new ChunkDecoder(stream, fileName, limits ?? ReadLimits.Default);
        while (!decoder.Decode(ReadChunk(stream, decoder.Buffer, decoder.Carry)))
        {
        }

        return decoder.Finish(format);
    }

    /// <summary>Reads and validates a stream; <paramref name="fileName"/> is used in messages.</summary>
    public static async Task<SeedText> ReadAsync(
        Stream stream, string fileName, SeedFormat format = SeedFormat.Auto, ReadLimits? limits = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        using var decoder = new ChunkDecoder(stream, fileName, limits ?? ReadLimits.Default);
        while (!decoder.Decode(await ReadChunkAsync(stream, decoder.Buffer, decoder.Carry, ct).ConfigureAwait(false)))
        {
        }

        return decoder.Finish(format);
    }

    /// <summary>Detects Markdown: a file that opens with a heading, or has two or more headings.</summary>
    public static SeedFormat DetectFormat(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var firstNonEmpty = true;
        var headings = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (IsMarkdownHeading(line))
            {
                if (firstNonEmpty || ++headings >= 2)
                {
                    return SeedFormat.Markdown;
                }
            }

            firstNonEmpty = false;
        }

        return SeedFormat.Seed;
    }

    /// <summary>True for a <c>#</c> or <c>##</c> heading line (<c>#hashtag</c> is not one).</summary>
    public static bool IsMarkdownHeading(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        return level is 1 or 2 && line.Length > level + 1 && line[level] == ' ' && !char.IsWhiteSpace(line[level + 1]);
    }

    private static int ReadChunk(Stream stream, byte[] buffer, int at)
    {
        var total = 0;
        while (total < ChunkBytes)
        {
            var n = stream.Read(buffer.AsSpan(at + total, ChunkBytes - total));
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private static async Task<int> ReadChunkAsync(Stream stream, byte[] buffer, int at, CancellationToken ct)
    {
        // Fill the buffer as far as possible so a BOM is never split across reads.
        var total = 0;
        while (total < ChunkBytes)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(at + total, ChunkBytes - total), ct).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    /// <summary>
    /// The decoding of one file, a chunk at a time (<see cref="ChunkBytes"/>): encoding detection,
    /// limits, UTF-8 or UTF-16 to text, lines. The caller reads each chunk into <see cref="Buffer"/>
    /// after the <see cref="Carry"/> bytes kept from the chunk before.
    /// </summary>
    private sealed class ChunkDecoder : IDisposable
    {
        private readonly string _fileName;
        private readonly ReadLimits _limits;
        private readonly char[] _chars = ArrayPool<char>.Shared.Rent(ChunkBytes + 4);
        private readonly LineCollector _lines;
        private Decoder? _utf16;
        private string? _encodingName;
        private long _offset; // bytes of the file before Buffer[Carry]

        public ChunkDecoder(Stream stream, string fileName, ReadLimits limits)
        {
            _fileName = fileName;
            _limits = limits;
            if (stream.CanSeek && stream.Length - stream.Position > limits.MaxFileBytes)
            {
                ArrayPool<char>.Shared.Return(_chars);
                ArrayPool<byte>.Shared.Return(Buffer);
                throw TooBig(fileName, stream.Length - stream.Position, limits);
            }

            _lines = new LineCollector(fileName, limits.MaxLineChars);
        }

        public byte[] Buffer { get; } = ArrayPool<byte>.Shared.Rent(ChunkBytes + 4);

        /// <summary>Bytes of an incomplete UTF-8 sequence kept from the previous chunk.</summary>
        public int Carry { get; private set; }

        /// <summary>Decodes the <paramref name="read"/> bytes just read; true at the end of the file.</summary>
        public bool Decode(int read)
        {
            var buffer = Buffer;
            var chars = _chars;
            var fileName = _fileName;
            var offset = _offset;
            var carry = Carry;
            var eof = read == 0;
            var start = 0;
            if (_encodingName is null)
            {
                (_utf16, _encodingName, start) = DetectEncoding(buffer.AsSpan(0, read));
            }

            if (offset + read > _limits.MaxFileBytes)
            {
                throw TooBig(fileName, offset + read, _limits);
            }

            int charCount;
            if (_utf16 is null)
            {
                var nul = buffer.AsSpan(carry + start, read - start).IndexOf((byte)0);
                if (nul >= 0)
                {
                    throw new SeedReadException(fileName, "binary content (a NUL byte), not text", offset + start + nul);
                }

                var bytes = buffer.AsSpan(0, carry + read);
                var status = Utf8.ToUtf16(bytes[start..], chars, out var used, out charCount, replaceInvalidSequences: false, isFinalBlock: eof);
                if (status == OperationStatus.InvalidData)
                {
                    throw new SeedReadException(fileName, "invalid UTF-8", offset - carry + start + used);
                }

                // NeedMoreData: keep the incomplete sequence at the end for the next chunk.
                var rest = bytes.Length - start - used;
                bytes[(start + used)..].CopyTo(buffer);
                Carry = rest;
            }
            else
            {
                try
                {
                    charCount = _utf16.GetChars(buffer, start, read - start, chars, 0, flush: eof);
                }
                catch (DecoderFallbackException e)
                {
                    throw new SeedReadException(fileName, $"invalid {_encodingName}", offset + start + Math.Max(0, e.Index));
                }
            }

            _lines.Add(chars.AsSpan(0, charCount), offset);
            _offset = offset + read;
            return eof;
        }

        public SeedText Finish(SeedFormat format) => _lines.Finish(format);

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(Buffer);
            ArrayPool<char>.Shared.Return(_chars);
        }
    }

    /// <summary>Finds the BOM; returns a decoder for UTF-16 (UTF-8 is decoded without one).</summary>
    private static (Decoder? Utf16, string Name, int BomLength) DetectEncoding(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (null, "UTF-8", 3);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetDecoder(), "UTF-16LE", 2);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetDecoder(), "UTF-16BE", 2);
        }

        if (Utf16WithoutBom(head) is { } bigEndian)
        {
            return (new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetDecoder(),
                bigEndian ? "UTF-16BE (no byte-order mark)" : "UTF-16LE (no byte-order mark)", 0);
        }

        return (null, "UTF-8", 0);
    }

    /// <summary>
    /// UTF-16 saved without a BOM (some Windows tools): text in the Latin range is every other byte
    /// zero, the high byte of each character. False for UTF-8, which has no NUL in text at all, and for
    /// binary files, whose zeros do not fall in that pattern (those are refused as binary later).
    /// </summary>
    /// <returns>True for big-endian, false for little-endian, null when it does not look like UTF-16.</returns>
    internal static bool? Utf16WithoutBom(ReadOnlySpan<byte> head)
    {
        var pairs = Math.Min(head.Length, Utf16SniffBytes) / 2;
        if (pairs < 2)
        {
            return null;
        }

        int little = 0, big = 0;
        for (var i = 0; i < pairs; i++)
        {
            var (first, second) = (head[2 * i], head[(2 * i) + 1]);
            little += first != 0 && second == 0 ? 1 : 0;
            big += first == 0 && second != 0 ? 1 : 0;
        }

        if (big == 0 && little >= pairs * MinUtf16PairShare)
        {
            return false;
        }

        return little == 0 && big >= pairs * MinUtf16PairShare ? true : null;
    }

    private static SeedReadException TooBig(string fileName, long size, ReadLimits limits) =>
        new(fileName, $"the file is larger than the limit of {limits.MaxFileBytes:N0} bytes (read {size:N0})");

    /// <summary>Cuts decoded text into normalised lines, accepting LF, CRLF and CR line ends.</summary>
    private sealed class LineCollector(string fileName, int maxLineChars)
    {
        private readonly LineList _lines = new();
        private char[] _current = new char[1024];
        private int _length;
        private bool _pendingCr;
        private long _controls;
        private long _chars;
        private bool _anyText;

        public void Add(ReadOnlySpan<char> text, long byteOffset)
        {
            _chars += text.Length;
            var start = 0; // where the current line's text starts in this chunk
            var pos = 0;   // next character not yet looked at
            while (true)
            {
                // Jump to the next line end or control character; everything before is ordinary text.
                var k = text[pos..].IndexOfAny(LineEndsAndControls);
                if (k < 0)
                {
                    _pendingCr &= pos == text.Length;
                    break;
                }

                var i = pos + k;
                _pendingCr &= k == 0;
                var c = text[i];
                pos = i + 1;
                if (c is '\n' or '\r')
                {
                    if (c == '\n' && _pendingCr)
                    {
                        Append(text[start..i]); // the LF of a CRLF: the line already ended at the CR
                    }
                    else
                    {
                        EndLine(text[start..i]);
                    }

                    _pendingCr = c == '\r';
                    start = pos;
                    continue;
                }

                if (c == '\0')
                {
                    throw new SeedReadException(fileName, $"binary content (a NUL character on line {_lines.Count + 1}), not text", byteOffset);
                }

                _pendingCr = false;
                _controls++;
            }

            Append(text[start..]);
        }

        public SeedText Finish(SeedFormat format)
        {
            if (_length > 0)
            {
                EndLine();
            }

            if (_chars > 0 && (double)_controls / _chars > MaxControlShare)
            {
                throw new SeedReadException(fileName, $"binary content ({_controls:N0} control characters), not text");
            }

            if (!_anyText)
            {
                throw new SeedReadException(fileName, _chars == 0 ? "the file is empty" : "the file contains only whitespace");
            }

            if (format == SeedFormat.Auto)
            {
                format = DetectFormat(_lines);
            }

            if (format == SeedFormat.Seed && IsOnlyByline(_lines))
            {
                // Else the byline itself would become a story: refused like an empty file.
                throw new SeedReadException(fileName, "no article text after the header (the file holds only a byline or source line)");
            }

            return new SeedText(fileName, _lines, format);
        }

        /// <summary>
        /// At most <see cref="MaxBylineLines"/> short lines, each opening with a capital or a digit and none
        /// ending as a sentence does ("Steve Thomas - IT Consultant"): a byline, and no article after it.
        /// </summary>
        private static bool IsOnlyByline(LineList lines)
        {
            var count = 0;
            foreach (var line in lines)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                if (++count > MaxBylineLines || line.Length > MaxBylineChars || !(char.IsUpper(line[0]) || char.IsDigit(line[0])) || EndsSentence(line))
                {
                    return false;
                }
            }

            return count > 0;
        }

        private static bool EndsSentence(string line)
        {
            var end = line.AsSpan().TrimEnd("\"'\u201D\u2019)]");
            return end.Length > 0 && end[^1] is '.' or '!' or '?' or '\u2026' or ';' or ':' or ',';
        }

        private void Append(ReadOnlySpan<char> part)
        {
            CheckLength(_length + part.Length);

            if (_length + part.Length > _current.Length)
            {
                Array.Resize(ref _current, Math.Max(_current.Length * 2, _length + part.Length));
            }

            part.CopyTo(_current.AsSpan(_length));
            _length += part.Length;
        }

        /// <summary>Ends the line whose last part is <paramref name="tail"/>.</summary>
        private void EndLine(ReadOnlySpan<char> tail)
        {
            if (_length == 0)
            {
                // The whole line lies in this chunk: most lines are already normal and are copied once.
                CheckLength(tail.Length);
                if (TextNormalizer.IsNormalized(tail))
                {
                    var text = tail.IsEmpty ? string.Empty : new string(tail);
                    _anyText |= text.Length > 0;
                    _lines.Add(text);
                    return;
                }
            }

            Append(tail);
            EndLine();
        }

        private void CheckLength(int length)
        {
            if (length > maxLineChars)
            {
                throw new SeedReadException(fileName, $"line {_lines.Count + 1} is longer than the limit of {maxLineChars:N0} characters");
            }
        }

        private void EndLine()
        {
            var line = TextNormalizer.NormalizeLine(_current.AsSpan(0, _length));
            _length = 0;
            _anyText |= line.Length > 0;
            _lines.Add(line);
        }
    }
}
