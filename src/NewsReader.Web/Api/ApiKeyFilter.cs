using NewsReader.Core.Stories;
using Microsoft.Extensions.Options;
using NewsReader.Core.Accounts;

namespace NewsReader.Web.Api;

/// <summary>
/// Who an API request acts for: the owner of the key in <see cref="HeaderName"/>. A key that is
/// unknown or revoked is refused (401) even where anonymous reading is allowed, so a client learns at
/// once that its key stopped working; no key is anonymous, allowed only when <c>Api:AllowAnonymous</c>.
/// </summary>
public static class ApiKeyFilter
{
    public const string HeaderName = "X-Api-Key";

    private static readonly object UserKey = new();

    /// <summary>The user id the request's key belongs to, or null for an anonymous request.</summary>
    public static string? UserId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(UserKey, out var id) ? id as string : null;
    }

    /// <summary>Checks the key of every request to the group's endpoints; <paramref name="keyRequired"/> refuses anonymous requests too.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder, bool keyRequired = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            if (UserId(context) is not null)
            {
                // An outer group's filter has already resolved this request's key.
                return await next(invocation);
            }

            var presented = context.Request.Headers[HeaderName];
            if (presented.Count > 0)
            {
                var keys = context.RequestServices.GetRequiredService<ApiKeys>();
                var userId = presented.Count == 1 ? await keys.ResolveAsync(presented[0], context.RequestAborted) : null;
                if (userId is null)
                {
                    return Unauthorized(context, "Unknown or revoked API key", $"The key in '{HeaderName}' opens nothing: it is mistyped, revoked, or its account is locked.");
                }

                context.Items[UserKey] = userId;
            }
            else if (keyRequired || !context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.AllowAnonymous)
            {
                return Unauthorized(context, "API key required", $"Send your key in the '{HeaderName}' header; make one on your account's API keys page.");
            }

            return await next(invocation);
        });

    private static IResult Unauthorized(HttpContext context, string title, string detail)
    {
        context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail);
    }
}
