using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NewsReader.Core.Reading;

namespace NewsReader.Web.Admin.Importing;

/// <summary>A file received from an upload, waiting in a server-named temp file.</summary>
/// <param name="FileName">The name the browser sent, cleaned for display (never used as a path).</param>
/// <param name="Refusal">Why its content cannot be imported (not text, empty, ...), found as it was received; null when it can.</param>
public sealed record ReceivedFile(string FileName, string TempPath, long SizeBytes, string Sha256, string? Refusal = null);

/// <summary>What came out of reading an upload's files.</summary>
/// <param name="TooLarge">The name of the file that went over the limit, if one did (the others were deleted).</param>
/// <param name="BytesRead">Bytes of files read before stopping.</param>
public sealed record ReceivedUpload(IReadOnlyList<ReceivedFile> Files, string? TooLarge, long BytesRead);

/// <summary>
/// Streams the file parts of a multipart upload to temp files named by the server, hashing and
/// checking the content as it goes (<see cref="SeedReader"/>, the importer's own reading rules) and
/// stopping at the size limit, so a big or hostile upload never sits in memory, never chooses a path
/// on disk, and is read once: the import reads the temp file, nothing reads it before.
/// </summary>
public sealed class UploadReceiver(string folder)
{
    private const int BufferBytes = 81920;

    /// <summary>Longest file name kept for display (the store's column takes 260).</summary>
    internal const int MaxNameLength = 200;

    /// <summary>Largest form field (not a file) read from an upload.</summary>
    internal const int MaxFieldBytes = 8 * 1024;

    /// <summary>The folder holding the temp files.</summary>
    public string Folder { get; } = folder;

    /// <summary>Reads the remaining sections; files go to temp files, other fields are skipped.</summary>
    public async Task<ReceivedUpload> ReceiveAsync(MultipartReader reader, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Directory.CreateDirectory(Folder);
        var files = new List<ReceivedFile>();
        long total = 0;
        try
        {
            while (await NextSectionAsync(reader, ct) is { } section)
            {
                var name = FileNameOf(section);
                if (name is null)
                {
                    await SkipFieldAsync(section.Body, ct);
                    continue;
                }

                var (file, size) = await ReceiveFileAsync(section.Body, name, maxBytes - total, ct);
                if (file is null)
                {
                    DeleteAll(files);
                    return new ReceivedUpload([], name, total + size);
                }

                total += size;
                files.Add(file);
            }
        }
        catch
        {
            DeleteAll(files);
            throw;
        }

        return new ReceivedUpload(files, null, total);
    }

    /// <summary>
    /// Streams one file's bytes to a new temp file, hashing them and checking them as text on the way;
    /// the file is null (and nothing kept) when it went over <paramref name="maxBytes"/>.
    /// </summary>
    public async Task<(ReceivedFile? File, long Size)> ReceiveFileAsync(Stream body, string name, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".upload");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, FileOptions.Asynchronous);
        using var receiving = new ReceivingStream(body, file, maxBytes);
        try
        {
            string? refusal = null;
            await using (file)
            {
                try
                {
                    // Decoded only to check it (the text is dropped): a refused file never waits in the queue.
                    _ = await SeedReader.ReadAsync(receiving, name, limits: new ReadLimits(Math.Max(maxBytes, ReadLimits.DefaultMaxFileBytes)), ct: ct);
                }
                catch (SeedReadException e)
                {
                    refusal = e.Reason;
                }

                // The reader stops early on a refusal: the rest is still stored and hashed, for the history.
                await receiving.DrainAsync(ct);
            }

            if (!receiving.TooLarge)
            {
                return (new ReceivedFile(name, path, receiving.Size, receiving.Sha256(), refusal), receiving.Size);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's body limit (chunked bodies have no Content-Length to check first):
            // the same refusal as the file limit, so it is cleaned up and recorded alike.
        }
        catch
        {
            TryDelete(path);
            throw;
        }

        TryDelete(path);
        return (null, receiving.Size);
    }

    /// <summary>
    /// A file part's body as <see cref="SeedReader"/> reads it: every byte read is also hashed and
    /// written to the temp file; past the limit it ends (and says so) instead of reading on.
    /// </summary>
    private sealed class ReceivingStream(Stream body, Stream file, long maxBytes) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long Size { get; private set; }

        public bool TooLarge { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Size; set => throw new NotSupportedException(); }

        public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (TooLarge)
            {
                return 0;
            }

            var n = await ReadBodyAsync(body, buffer, cancellationToken);
            Size += n;
            if (Size > maxBytes)
            {
                TooLarge = true;
                return 0;
            }

            _hash.AppendData(buffer.Span[..n]);
            await file.WriteAsync(buffer[..n], cancellationToken);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        /// <summary>Reads what the reader left, to the end of the part or the limit.</summary>
        public async Task DrainAsync(CancellationToken ct)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
            try
            {
                while (await ReadAsync(buffer.AsMemory(0, BufferBytes), ct) > 0)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        // Only the async path is used (Kestrel's body allows no synchronous reads).
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>The cleaned file name of a file part, or null for a plain form field.</summary>
    public static string? FileNameOf(MultipartSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var raw = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value
            : disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value
            : null;
        return raw is null ? null : DisplayName(raw);
    }

    /// <summary>
    /// A file name fit to show and record: the last path segment (old browsers send whole paths),
    /// without control characters, at most <see cref="MaxNameLength"/> characters; "upload" when nothing is left.
    /// </summary>
    public static string DisplayName(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var last = raw.Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(Math.Min(last.Length, MaxNameLength));
        foreach (var rune in last.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            if (clean.Length + rune.Utf16SequenceLength > MaxNameLength)
            {
                break;
            }

            clean.Append(rune.ToString());
        }

        var name = clean.ToString().Trim();
        return name.Length == 0 ? "upload" : name;
    }

    /// <summary>Reads a small form field's value (the antiforgery token); null when it is larger than <see cref="MaxFieldBytes"/>.</summary>
    public static async Task<string?> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = new byte[MaxFieldBytes + 1];
        var length = 0;
        int n;
        while (length < bytes.Length && (n = await ReadBodyAsync(body, bytes.AsMemory(length), ct)) > 0)
        {
            length += n;
        }

        return length > MaxFieldBytes ? null : Encoding.UTF8.GetString(bytes, 0, length);
    }

    /// <summary>
    /// The next part of the body, or null after the closing boundary. A body that ends before its
    /// closing boundary (truncated, empty, or not multipart at all) is <see cref="InvalidDataException"/>,
    /// the caller's "not well-formed", rather than the reader's bare <see cref="IOException"/>.
    /// </summary>
    internal static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.ReadNextSectionAsync(ct);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw new InvalidDataException("the body ended before its closing boundary", e);
        }
    }

    /// <summary>Reads a part's body; its end before the closing boundary is <see cref="InvalidDataException"/> as above.</summary>
    private static async ValueTask<int> ReadBodyAsync(Stream body, Memory<byte> buffer, CancellationToken ct)
    {
        try
        {
            return await body.ReadAsync(buffer, ct);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw new InvalidDataException("the body ended before its closing boundary", e);
        }
    }

    /// <summary>Deletes every file in the folder: at start-up they belong to jobs of a process that is gone.</summary>
    public void Clear()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(Folder, "*.upload"))
        {
            TryDelete(file);
        }
    }

    internal static void DeleteAll(IEnumerable<ReceivedFile> files)
    {
        foreach (var f in files)
        {
            TryDelete(f.TempPath);
        }
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp file left behind is removed at the next start.
        }
    }

    private static async Task SkipFieldAsync(Stream body, CancellationToken ct)
    {
        if (await ReadFieldAsync(body, ct) is null)
        {
            throw new InvalidDataException("a form field of the upload is too large");
        }
    }
}
