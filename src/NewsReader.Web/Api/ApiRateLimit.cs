using NewsReader.Core.Stories;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Api;

/// <summary>
/// The API's rate limit: a fixed window per key (by the key's hash, so the key is not kept in memory),
/// or per client address for requests without a key. Refusals are 429 problem documents with Retry-After.
/// </summary>
public sealed class ApiRateLimit(IOptions<ApiOptions> options) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "api";

    private readonly ApiOptions _options = options.Value;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, ct) =>
    {
        var response = context.HttpContext.Response;
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : _options.WindowSeconds;
        response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"At most {_options.PermitLimit} requests per {_options.WindowSeconds} seconds per key; try again in {retry} seconds.")
            .ExecuteAsync(context.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var key = httpContext.Request.Headers[ApiKeyFilter.HeaderName].ToString();
        var partition = key.Length > 0
            ? "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))
            : "ip:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, _options.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, _options.WindowSeconds)),
            QueueLimit = 0,
        });
    }
}
