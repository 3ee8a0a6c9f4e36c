using NewsReader.Core.Data;
using System.Text.Unicode;
using System.Text.Encodings.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsReader.Core.Accounts;
using NewsReader.Core.Search;
using NewsReader.Web.Entities;
using NewsReader.Web.Hosting;
using NewsReader.Core.Stories;
using NewsReader.Web.Stories;

namespace NewsReader.Web.Api;

/// <summary>
/// The read API under <c>/api/v1</c>: stories (the query language, filters, sort, cursor pages), one
/// story, the directories and one entity of each kind. JSON in camelCase; every error a problem
/// document. Reads go through the pages' <see cref="StoryReader"/>, so the API lists exactly what
/// the pages list. The OpenAPI document is at <c>/openapi/v1.json</c>.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    /// <summary>The most directory entries one request may ask for.</summary>
    public const int MaxDirectoryLimit = 1000;

    public static IServiceCollection AddReadApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.SectionName));
        services.TryAddSingleton<StoryTimes>();
        services.TryAddSingleton(sp => new ApiKeys(sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Data.NewsDbContext>>(), sp.GetService<TimeProvider>()));
        services.AddScoped<ApiKeyActions>();
        services.AddProblemDetails();
        // Every script is written as itself, but <, >, &, quotes and + are escaped (\u003C...): text people or
        // files supply never reaches a client as markup, even one that sniffs or pastes it into a page.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddRateLimiter(o => o.AddPolicy<string, ApiRateLimit>(ApiRateLimit.PolicyName));
        services.AddOpenApi(o => o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
        return services;
    }

    public static IEndpointRouteBuilder MapReadApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        var api = endpoints.MapGroup(Prefix)
            .RequireRateLimiting(ApiRateLimit.PolicyName)
            .RequireApiKey()
            .WithTags("Read API")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/stories", ListStoriesAsync)
            .WithName("ListStories")
            .WithSummary("Stories: newest first, or ranked by a search in the query language; filters combine with AND.")
            .Produces<ApiStoryPage>();
        api.MapGet("/stories/{slug}", GetStoryAsync)
            .WithName("GetStory")
            .WithSummary("One story in full (body as Markdown).")
            .Produces<ApiStoryDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var field in EntityKind.All)
        {
            api.MapGet("/" + field.PathSegment, (HttpContext context, StoryReader reader, string? limit, string? offset, CancellationToken ct) =>
                    ListEntitiesAsync(field, context, reader, ct))
                .WithName("List" + field.Plural)
                .WithSummary($"{field.Plural} with their story counts, most named first.")
                .Produces<ApiEntityPage>();
            api.MapGet("/" + field.PathSegment + "/{slug}", (string slug, HttpContext context, StoryReader reader, CancellationToken ct) =>
                    GetEntityAsync(field, slug, context, reader, ct))
                .WithName("Get" + field.Singular)
                .WithSummary($"One {field.Singular.ToLowerInvariant()}: counts and what is named alongside it.")
                .Produces<ApiEntityDetail>()
                .ProducesProblem(StatusCodes.Status404NotFound);
        }

        api.MapSavedSearchApi();

        // Anything else under /api answers as the API does, not with the reader's not-found page.
        endpoints.MapFallback("/api/{**path}", (HttpContext context) => Results.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "No such API address", instance: context.Request.Path.ToString()))
            .ExcludeFromDescription();
        return endpoints;
    }

    // The parameters are declared for the OpenAPI document; ApiQuery reads and checks them from the query string.
    private static async Task<IResult> ListStoriesAsync(
        HttpContext context, StoryReader reader, StoryTimes times, IOptions<ReaderOptions> options, IOptions<ReadOptions> read,
        string? q, string[]? company, string[]? country, string[]? topic, string[]? tag, string? sort, string? limit, string? after,
        CancellationToken ct)
    {
        var query = new ApiQuery(context.Request.Query, "q", "company", "country", "topic", "tag", "sort", "limit", "after");
        var state = query.ListState(options.Value.MaxQueryLength);
        var order = query.Sort();
        var size = query.Number("limit", read.Value.PageSize, 1, StorySearch.MaxLimit);
        if (!query.IsValid)
        {
            return Invalid(query);
        }

        var list = await reader.ListAsync(state, order, size, ct);
        var stamps = await times.OfAsync(list.Stories.Select(s => s.Slug).ToList(), ct);
        var root = Root(context);
        var items = list.Stories.Select(s =>
        {
            var time = stamps.GetValueOrDefault(s.Slug) ?? new StoryTime(DateTime.UnixEpoch, DateTime.UnixEpoch);
            return new ApiStory(
                s.Slug, s.Title, s.Summary, StoryUrl(root, s.Slug), time.Added, time.Updated, s.ReadingMinutes,
                Refs(root, s.Entities), s.Snippet is { Count: > 0 } snippet ? string.Concat(snippet.Select(p => p.Marked ? "**" + p.Text + "**" : p.Text)) : null);
        }).ToList();
        string? nextUrl = null;
        if (list.NextAfter is not null)
        {
            var rest = context.Request.Query.Where(p => p.Key != "after").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
            nextUrl = root + Prefix.TrimStart('/') + "/stories" + QueryString.Create(rest.Append(new("after", list.NextAfter))).ToUriComponent();
        }

        return Results.Ok(new ApiStoryPage(items, list.Total, list.NextAfter, nextUrl));
    }

    private static async Task<IResult> GetStoryAsync(string slug, HttpContext context, StoryReader reader, StoryTimes times, CancellationToken ct)
    {
        var query = new ApiQuery(context.Request.Query);
        if (!query.IsValid)
        {
            return Invalid(query);
        }

        var story = slug.Length > 300 ? null : await reader.GetStoryAsync(slug, ct);
        if (story is null)
        {
            return NotFound(context, "No such story", $"There is no story '{slug}'.");
        }

        var root = Root(context);
        var time = (await times.OfAsync([story.Slug], ct)).GetValueOrDefault(story.Slug) ?? new StoryTime(story.AddedAt, story.AddedAt);
        ApiStoryLink? Link(string? s, string? title) => s is null ? null : new ApiStoryLink(s, title!, StoryUrl(root, s));
        return Results.Ok(new ApiStoryDetail(
            story.Slug, story.Title, story.Summary, story.Body, StoryUrl(root, story.Slug), time.Added, time.Updated, story.ReadingMinutes,
            Refs(root, story.Entities),
            story.Related.Select(r => Link(r.Slug, r.Title)!).ToList(),
            Link(story.Previous?.Slug, story.Previous?.Title),
            Link(story.Next?.Slug, story.Next?.Title)));
    }

    private static async Task<IResult> ListEntitiesAsync(EntityKind field, HttpContext context, StoryReader reader, CancellationToken ct)
    {
        var query = new ApiQuery(context.Request.Query, "limit", "offset");
        var limit = query.Number("limit", 100, 1, MaxDirectoryLimit);
        var offset = query.Number("offset", 0, 0, int.MaxValue);
        if (!query.IsValid)
        {
            return Invalid(query);
        }

        var all = await reader.DirectoryAsync(field, ct);
        var root = Root(context);
        var items = all.Skip(offset).Take(limit).Select(e => Entity(root, e)).ToList();
        return Results.Ok(new ApiEntityPage(items, all.Count, offset, limit));
    }

    private static async Task<IResult> GetEntityAsync(EntityKind field, string slug, HttpContext context, StoryReader reader, CancellationToken ct)
    {
        var query = new ApiQuery(context.Request.Query);
        if (!query.IsValid)
        {
            return Invalid(query);
        }

        var entity = slug.Length > 300 ? null : await reader.GetEntityAsync(field, slug, ct);
        if (entity is null || (field == EntityKind.Tag && entity.StoryCount == 0))
        {
            return NotFound(context, $"No such {field.Singular.ToLowerInvariant()}", $"There is no {field.Singular.ToLowerInvariant()} '{slug}'.");
        }

        var root = Root(context);
        return Results.Ok(new ApiEntityDetail(
            field.Key, entity.Slug, entity.Name, entity.StoryCount, entity.AboutCount,
            root + field.PageUrl(entity.Slug).TrimStart('/'), StoriesUrl(root, field, entity.Slug),
            entity.CompaniesAlongside.Select(e => Entity(root, e)).ToList(),
            entity.CountriesAlongside.Select(e => Entity(root, e)).ToList()));
    }

    private static ApiEntity Entity(string root, EntityCount e) =>
        new(e.Kind.Key, e.Slug, e.Name, e.Count, root + e.Kind.PageUrl(e.Slug).TrimStart('/'), StoriesUrl(root, e.Kind, e.Slug));

    private static List<ApiEntityRef> Refs(string root, IReadOnlyList<EntityChip> chips) =>
        chips.Select(c => new ApiEntityRef(c.Kind.Key, c.Slug, c.Name, c.About, root + c.Kind.PageUrl(c.Slug).TrimStart('/'))).ToList();

    private static string StoriesUrl(string root, EntityKind field, string slug) =>
        root + Prefix.TrimStart('/') + "/stories?" + field.Key + "=" + Uri.EscapeDataString(slug);

    private static string StoryUrl(string root, string slug) => root + "articles/" + Uri.EscapeDataString(slug);

    /// <summary>The app's absolute root address as the request reached it (ends with '/').</summary>
    internal static string Root(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/";

    private static IResult Invalid(ApiQuery query) => Results.ValidationProblem(query.Errors, title: "Bad parameters");

    private static IResult NotFound(HttpContext context, string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail, instance: context.Request.Path.ToString());
}
