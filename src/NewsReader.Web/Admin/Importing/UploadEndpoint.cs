using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsReader.Web.Account;

namespace NewsReader.Web.Admin.Importing;

/// <summary>
/// <c>POST /admin/imports/upload</c>: one or more seed files as <c>multipart/form-data</c>, streamed to
/// temp files (never buffered in memory), each checked and queued for import. The order of checks is
/// the point: admin (endpoint policy, then the store via <see cref="ImportActions"/>), antiforgery
/// token (before any file byte is read), size (Content-Length, then while streaming), content.
/// </summary>
public static partial class UploadEndpoint
{
    public const string Path = "/admin/imports/upload";

    /// <summary>Room for boundaries, part headers and the token field on top of the files' bytes.</summary>
    internal const long MultipartAllowance = 64 * 1024;

    internal static async Task<IResult> HandleAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        IOptions<AntiforgeryOptions> antiforgeryOptions,
        AuthenticationStateProvider authState,
        ImportActions actions,
        UploadReceiver receiver,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var max = actions.MaxUploadBytes;
        var logger = loggers.CreateLogger(typeof(UploadEndpoint).FullName!);
        IResult Refuse(int status, string reason)
        {
            LogRefused(logger, status, context.User.Identity?.Name ?? "anonymous", reason);
            return Results.Text("Upload refused: " + reason + ".", "text/plain; charset=utf-8", statusCode: status);
        }

        Prepare(context, authState, max);
        try
        {
            await actions.RequireAdminAsync();
            if (BoundaryOf(context.Request) is not { } boundary)
            {
                return Refuse(StatusCodes.Status400BadRequest, "expected the files as multipart/form-data");
            }

            var reader = new MultipartReader(boundary, context.Request.Body) { HeadersLengthLimit = 16 * 1024 };
            if (!await HasValidTokenAsync(context, reader, antiforgery, antiforgeryOptions.Value, ct))
            {
                return Refuse(StatusCodes.Status400BadRequest,
                    "the upload form has expired or did not come from this site: reload the import page and try again");
            }

            return await ReceiveAndQueueAsync(context, reader, actions, receiver, Refuse, ct);
        }
        catch (ActionForbiddenException e)
        {
            return Refuse(StatusCodes.Status403Forbidden, e.Message);
        }
        catch (InvalidDataException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "the upload is not a well-formed multipart/form-data body");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Over the server's body limit before any file part (the receiver records its own): recorded alike.
            await actions.RefuseTooLargeAsync("upload", context.Request.ContentLength ?? max + MultipartAllowance, ct);
            return Refuse(StatusCodes.Status413PayloadTooLarge, ImportActions.TooLargeReason(max));
        }
    }

    private static void Prepare(HttpContext context, AuthenticationStateProvider authState, long max)
    {
        // Kestrel refuses bodies over 30 MB by default; this endpoint's own limit replaces that.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = max + MultipartAllowance;
        }

        // CurrentUser reads the state Blazor's provider holds; outside a component, hand it the request's user.
        if (authState is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
        }
    }

    /// <summary>The multipart boundary of a <c>multipart/form-data</c> request, or null for any other body.</summary>
    private static string? BoundaryOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(type.Boundary) is { Length: > 0 } boundary
            ? boundary.ToString()
            : null;

    /// <summary>After the token: the size checks, the files streamed to disk, and one import job each.</summary>
    private static async Task<IResult> ReceiveAndQueueAsync(
        HttpContext context, MultipartReader reader, ImportActions actions, UploadReceiver receiver, Func<int, string, IResult> refuse, CancellationToken ct)
    {
        var max = actions.MaxUploadBytes;
        if (context.Request.ContentLength is { } length && length > max + MultipartAllowance)
        {
            // Refused before any file byte is read; the first file's name (from its part header) goes in the history.
            var name = await FirstFileNameAsync(reader, ct) ?? "upload";
            await actions.RefuseTooLargeAsync(name, length, ct);
            return refuse(StatusCodes.Status413PayloadTooLarge, ImportActions.TooLargeReason(max));
        }

        var upload = await receiver.ReceiveAsync(reader, max, ct);
        if (upload.TooLarge is { } tooLarge)
        {
            await actions.RefuseTooLargeAsync(tooLarge, upload.BytesRead, ct);
            return refuse(StatusCodes.Status413PayloadTooLarge, ImportActions.TooLargeReason(max));
        }

        if (upload.Files.Count == 0)
        {
            return refuse(StatusCodes.Status400BadRequest, "choose at least one file to upload");
        }

        var jobs = new List<ImportJob>(upload.Files.Count);
        for (var i = 0; i < upload.Files.Count; i++)
        {
            try
            {
                jobs.Add(await actions.QueueUploadAsync(upload.Files[i], ct));
            }
            catch
            {
                UploadReceiver.DeleteAll(upload.Files.Skip(i + 1));
                throw;
            }
        }

        return Results.Redirect(jobs.Count == 1 ? jobs[0].Url : ImportsPageUrl);
    }

    internal const string ImportsPageUrl = "/admin/imports";

    /// <summary>
    /// The token comes in the <c>RequestVerificationToken</c> header (scripts) or as the form's first
    /// field (the page's form renders it before the file input). IAntiforgery would read the whole
    /// form to find it, buffering every file; so the first part is read here and handed over as the
    /// header, which IAntiforgery checks first.
    /// </summary>
    private static async Task<bool> HasValidTokenAsync(
        HttpContext context, MultipartReader reader, IAntiforgery antiforgery, AntiforgeryOptions options, CancellationToken ct)
    {
        if (options.HeaderName is not { } header)
        {
            return false;
        }

        if (!context.Request.Headers.ContainsKey(header))
        {
            var section = await UploadReceiver.NextSectionAsync(reader, ct);
            if (section is null
                || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFormDisposition()
                || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, options.FormFieldName, StringComparison.Ordinal)
                || await UploadReceiver.ReadFieldAsync(section.Body, ct) is not { Length: > 0 } token)
            {
                return false;
            }

            context.Request.Headers[header] = token;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static async Task<string?> FirstFileNameAsync(MultipartReader reader, CancellationToken ct)
    {
        // Part headers only: MultipartReader skips a part's body without storing it when moving on.
        for (var i = 0; i < 4 && await UploadReceiver.NextSectionAsync(reader, ct) is { } section; i++)
        {
            if (UploadReceiver.FileNameOf(section) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload refused with {Status} for {User}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string user, string reason);
}
