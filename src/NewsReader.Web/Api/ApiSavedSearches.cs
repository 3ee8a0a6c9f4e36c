using NewsReader.Core.Following;

namespace NewsReader.Web.Api;

/// <summary>
/// <c>/api/v1/saved-searches</c>: the key owner's saved searches, read-only (saving, renaming and
/// deleting stay on <c>/account/saved</c>). A key is required even where anonymous reading is
/// allowed; another reader's saved search is 404, as if it did not exist.
/// </summary>
public static class ApiSavedSearches
{
    public static RouteGroupBuilder MapSavedSearchApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/saved-searches").RequireApiKey(keyRequired: true);
        group.MapGet("/", ListAsync)
            .WithName("ListSavedSearches")
            .WithSummary("The key owner's saved searches, by name; each names the API address of its stories.")
            .Produces<IReadOnlyList<ApiSavedSearch>>();
        group.MapGet("/{id}", GetAsync)
            .WithName("GetSavedSearch")
            .WithSummary("One of the key owner's saved searches (another reader's is 404).")
            .Produces<ApiSavedSearch>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext context, SavedSearches searches, CancellationToken ct)
    {
        var query = new ApiQuery(context.Request.Query);
        if (!query.IsValid)
        {
            return Results.ValidationProblem(query.Errors, title: "Bad parameters");
        }

        var userId = ApiKeyFilter.UserId(context)!;
        var root = ApiEndpoints.Root(context);
        return Results.Ok((await searches.ListAsync(userId, ct)).Select(s => Of(root, s)).ToList());
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, SavedSearches searches, CancellationToken ct)
    {
        var query = new ApiQuery(context.Request.Query);
        if (!query.IsValid)
        {
            return Results.ValidationProblem(query.Errors, title: "Bad parameters");
        }

        var search = long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? await searches.GetAsync(ApiKeyFilter.UserId(context)!, number, ct)
            : null;
        return search is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such saved search",
                detail: $"You have no saved search '{id}'.", instance: context.Request.Path.ToString())
            : Results.Ok(Of(ApiEndpoints.Root(context), search));
    }

    private static ApiSavedSearch Of(string root, SavedSearchInfo s)
    {
        var view = s.View.Length == 0 ? string.Empty : "?" + s.View;
        return new ApiSavedSearch(
            s.Id, s.Name, s.View, root + view, root + ApiEndpoints.Prefix.TrimStart('/') + "/stories" + view,
            s.CreatedAt, s.LastOpenedAt, s.HasFeed);
    }
}
