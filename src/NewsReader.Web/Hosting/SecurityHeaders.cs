using System.Security.Cryptography;

namespace NewsReader.Web.Hosting;

/// <summary>
/// Security headers on every response (pages, static files, 404s, errors): a Content-Security-Policy
/// with a fresh script nonce per request, no framing, no MIME sniffing, a referrer policy.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "NewsReader.CspNonce";

    /// <summary>
    /// The policy, with <c>{0}</c> for the request's nonce.
    /// - script-src: only our own files, plus the one inline script Blazor writes (the import map),
    ///   which carries the nonce. No 'unsafe-eval' and no 'unsafe-inline': Blazor Server and MudBlazor
    ///   need neither, so an injected &lt;script&gt; or onclick="..." does not run.
    /// - style-src 'unsafe-inline': MudBlazor sets style="" attributes on its components (popover
    ///   positions, drawer widths, theme CSS variables in a &lt;style&gt; element written at run time)
    ///   and Blazor's reconnect UI injects a &lt;style&gt;; neither can carry a nonce. Inline styles
    ///   cannot run script, so the cost is limited to CSS-based tricks on injected markup, which the
    ///   app never renders (all supplied text renders as text).
    /// - connect-src 'self': Blazor's WebSocket (ws/wss to this origin) and its fetches.
    /// - frame-ancestors 'none': no page of ours inside someone else's frame (clickjacking).
    /// </summary>
    private static readonly System.Text.CompositeFormat Policy = System.Text.CompositeFormat.Parse(
        "default-src 'self'; " +
        "script-src 'self' 'nonce-{0}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'");

    /// <summary>Adds the headers to every response; put it first in the pipeline.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var nonce = Nonce(context);
            // OnStarting, so the headers survive the exception handler and status-code pages, which
            // clear the response's headers before they write their own page.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = string.Format(System.Globalization.CultureInfo.InvariantCulture, Policy, nonce);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY"; // for browsers that predate frame-ancestors
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            await next(context).ConfigureAwait(false);
        });

    /// <summary>The request's script nonce (made on first use), for the few inline scripts we write.</summary>
    public static string Nonce(HttpContext? context)
    {
        if (context is null)
        {
            return "";
        }

        if (context.Items.TryGetValue(NonceKey, out var value) && value is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }
}
