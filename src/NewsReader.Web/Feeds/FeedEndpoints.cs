using NewsReader.Core.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsReader.Core.Curation;
using NewsReader.Core.Following;
using NewsReader.Web.Entities;
using NewsReader.Web.Hosting;
using NewsReader.Core.Stories;
using NewsReader.Web.Search;

namespace NewsReader.Web.Feeds;

/// <summary>
/// Feeds of every story list: <c>GET /feed</c> with the home page's query (<c>q</c>, <c>company</c>,
/// <c>country</c>, <c>topic</c>, <c>tag</c>, <c>after</c>) and <c>GET /{companies|countries|topics|tags}/{slug}/feed</c>;
/// Atom, or RSS 2.0 with <c>?format=rss</c>. Answers carry an ETag and Last-Modified and a matching
/// conditional request gets 304 without a body.
/// </summary>
public static class FeedEndpoints
{
    private const string EntityFeedRoute = "/{kind:regex(^(companies|countries|topics|tags)$)}/{slug}/feed";

    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.TryAddSingleton<StoryTimes>();
        services.AddSingleton<FeedBuilder>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(FeedLinks.HomePath, ListFeedAsync).ExcludeFromDescription();
        endpoints.MapGet(EntityFeedRoute, EntityFeedAsync).ExcludeFromDescription();
        endpoints.MapGet(FeedLinks.HomePath + "/saved/{token}", SavedSearchFeedAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ListFeedAsync(HttpContext context, FeedBuilder feeds, IOptions<ReaderOptions> options)
    {
        if (FeedFormat.Parse(context.Request.Query[FeedFormat.QueryKey]) is not { } format)
        {
            return UnknownFormat(context);
        }

        // Read as the page reads its URL (the text cut alike), so the feed lists the stories the page shows.
        var state = ListStateQuery.FromQuery(context.Request.Query, options.Value.MaxQueryLength);
        var root = SiteRoot(context.Request);
        var source = new FeedSource(
            state,
            list => ListHeading.For(state, list.Filters).Heading,
            Absolute(root, FeedLinks.ListPage(state with { After = null })),
            Absolute(root, FeedLinks.ForList(state, format)),
            after => Absolute(root, FeedLinks.ForList(state with { After = after }, format)));
        return Answer(context, await feeds.BuildAsync(source, format, root, context.RequestAborted));
    }

    private static async Task<IResult> EntityFeedAsync(
        string kind, string slug, HttpContext context, FeedBuilder feeds, StoryReader reader, EntityCurator curation)
    {
        if (FeedFormat.Parse(context.Request.Query[FeedFormat.QueryKey]) is not { } format)
        {
            return UnknownFormat(context);
        }

        var field = EntityKind.FromPathSegment(kind)!.Value;
        var after = (string?)context.Request.Query[ListState.AfterKey];
        var entity = await reader.GetEntityAsync(field, slug, context.RequestAborted);
        if (entity is null && await curation.CurrentSlugAsync(field, slug, context.RequestAborted) is { } current)
        {
            // Renamed or merged: the old feed address leads to the entity's feed, as the page's address does.
            return Results.Redirect(FeedLinks.ForEntity(field, current, after, format), permanent: true);
        }

        if (entity is null || (field == EntityKind.Tag && entity.StoryCount == 0))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: $"No such {field.Singular.ToLowerInvariant()}",
                detail: $"There is no {field.Singular.ToLowerInvariant()} '{slug}'.");
        }

        var root = SiteRoot(context.Request);
        var state = ListState.Empty.Toggle(field, entity.Slug) with { After = string.IsNullOrWhiteSpace(after) ? null : after };
        var source = new FeedSource(
            state,
            _ => $"{entity.Name} – {field.Plural}",
            Absolute(root, field.PageUrl(entity.Slug)),
            Absolute(root, FeedLinks.ForEntity(field, entity.Slug, state.After, format)),
            next => Absolute(root, FeedLinks.ForEntity(field, entity.Slug, next, format)));
        return Answer(context, await feeds.BuildAsync(source, format, root, context.RequestAborted));
    }

    /// <summary>A saved search's private feed: whoever holds the token reads it (feed readers send no cookies); a revoked or unknown token is 404.</summary>
    private static async Task<IResult> SavedSearchFeedAsync(
        string token, HttpContext context, FeedBuilder feeds, SavedSearches searches, IOptions<ReaderOptions> options)
    {
        if (FeedFormat.Parse(context.Request.Query[FeedFormat.QueryKey]) is not { } format)
        {
            return UnknownFormat(context);
        }

        var search = await searches.ByFeedTokenAsync(token, context.RequestAborted);
        if (search is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such feed", detail: "This feed address is unknown or was revoked.");
        }

        var after = (string?)context.Request.Query[ListState.AfterKey];
        var state = SavedView.Parse(search.View, options.Value.MaxQueryLength) with { After = string.IsNullOrWhiteSpace(after) ? null : after };
        var root = SiteRoot(context.Request);
        var source = new FeedSource(
            state,
            _ => search.Name,
            Absolute(root, FeedLinks.ListPage(state with { After = null })),
            Absolute(root, FeedLinks.ForSavedSearch(token, state.After, format)),
            next => Absolute(root, FeedLinks.ForSavedSearch(token, next, format)));
        var answer = Answer(context, await feeds.BuildAsync(source, format, root, context.RequestAborted));
        // The address is a secret: shared caches must not keep the document.
        context.Response.Headers.CacheControl = "private, no-cache";
        return answer;
    }

    private static IResult UnknownFormat(HttpContext context) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Unknown feed format",
        detail: $"'{FeedFormat.QueryKey}' must be '{FeedFormat.Atom.Key}' (the default) or '{FeedFormat.Rss.Key}'.",
        instance: context.Request.Path);

    /// <summary>The document, or 304 when the client's copy is current (If-None-Match first, else If-Modified-Since).</summary>
    private static IResult Answer(HttpContext context, FeedDocument document)
    {
        var response = context.Response.GetTypedHeaders();
        response.ETag = new EntityTagHeaderValue(document.ETag);
        response.LastModified = document.LastModified;
        // Stored copies must be checked every time: the check is cheap, and an import shows at once.
        response.CacheControl = new CacheControlHeaderValue { NoCache = true };

        var request = context.Request.GetTypedHeaders();
        var current = request.IfNoneMatch is { Count: > 0 } tags
            ? tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(response.ETag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && document.LastModified is { } modified && modified <= since;
        return current
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(document.Body, document.ContentType);
    }

    private static Uri SiteRoot(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    private static string Absolute(Uri root, string relative) => new Uri(root, relative.TrimStart('/')).AbsoluteUri;
}
