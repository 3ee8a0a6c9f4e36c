using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace NewsReader.Web.Admin.Importing;

/// <summary>A file received from an upload, waiting in a server-named temp file.</summary>
/// <param name="FileName">The name the browser sent, cleaned for display (never used as a path).</param>
public sealed record ReceivedFile(string FileName, string TempPath, long SizeBytes, string Sha256);

/// <summary>What came out of reading an upload's files.</summary>
/// <param name="TooLarge">The name of the file that went over the limit, if one did (the others were deleted).</param>
/// <param name="BytesRead">Bytes of files read before stopping.</param>
public sealed record ReceivedUpload(IReadOnlyList<ReceivedFile> Files, string? TooLarge, long BytesRead);

/// <summary>
/// Streams the file parts of a multipart upload to temp files named by the server, hashing as it
/// goes and stopping at the size limit, so a big or hostile upload never sits in memory and never
/// chooses a path on disk.
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
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
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

                var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".upload");
                long size = 0;
                var tooLarge = false;
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                try
                {
                    var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, FileOptions.Asynchronous);
                    await using (file)
                    {
                        int n;
                        while ((n = await ReadBodyAsync(section.Body, buffer.AsMemory(0, BufferBytes), ct)) > 0)
                        {
                            size += n;
                            if (total + size > maxBytes)
                            {
                                tooLarge = true;
                                break;
                            }

                            hash.AppendData(buffer, 0, n);
                            await file.WriteAsync(buffer.AsMemory(0, n), ct);
                        }
                    }
                }
                catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    // The server's body limit (chunked bodies have no Content-Length to check first):
                    // the same refusal as the file limit, so it is cleaned up and recorded alike.
                    tooLarge = true;
                }
                catch
                {
                    TryDelete(path);
                    throw;
                }

                if (tooLarge)
                {
                    TryDelete(path);
                    DeleteAll(files);
                    return new ReceivedUpload([], name, total + size);
                }

                total += size;
                files.Add(new ReceivedFile(name, path, size, Convert.ToHexStringLower(hash.GetHashAndReset())));
            }
        }
        catch
        {
            DeleteAll(files);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new ReceivedUpload(files, null, total);
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
