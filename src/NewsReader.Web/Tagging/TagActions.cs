using NewsReader.Core.Data;
using NewsReader.Core.Stories;
using NewsReader.Core.Tagging;
using NewsReader.Web.Account;

namespace NewsReader.Web.Tagging;

/// <summary>
/// The tag actions a person can raise from a story page. Every change first asks <see cref="CurrentUser"/>
/// (any signed-in account, reader or admin, read from the store at that moment), then lets Core's
/// <see cref="StoryTagger"/> make it under that user's name. Reading a story's tags is open to everyone.
/// </summary>
public sealed class TagActions(CurrentUser currentUser, StoryTagger tagger, ReadCache cache)
{
    /// <summary>How many suggestions the autocomplete shows.</summary>
    public const int SuggestionCount = 10;

    /// <summary>
    /// The story's live links (every kind); null when there is no such story. The same for every
    /// reader, so kept in the read cache until the store changes (a tag added or removed is a commit).
    /// </summary>
    public Task<IReadOnlyList<StoryTag>?> ListAsync(string articleSlug, CancellationToken ct = default) =>
        cache.GetOrLoadAsync("tags\u001e" + articleSlug, () => tagger.ListAsync(articleSlug, ct));

    /// <summary>Existing names of every kind matching what the person typed.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    public async Task<IReadOnlyList<TagSuggestion>> SuggestAsync(string? typed, CancellationToken ct = default)
    {
        await currentUser.RequireAsync();
        return await tagger.SuggestAsync(typed, SuggestionCount, ct);
    }

    /// <summary>The company, country or topic a typed name means in the extraction knowledge, if any.</summary>
    public (EntityKind Kind, string Name)? KnownMeaning(string typed) => tagger.KnownMeaning(typed);

    /// <summary>Tags a story with an existing company, country, topic or tag.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    /// <exception cref="TaggingException">No such story or entity, or the store is busy.</exception>
    public async Task<TagChange> AddExistingAsync(string articleSlug, long entityId, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        return await tagger.AddEntityAsync(articleSlug, entityId, user.UserName, ct);
    }

    /// <summary>Tags a story with a typed name (an existing entity of that name, or a new free tag).</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    /// <exception cref="TaggingException">No such story, an unusable name, or the store is busy.</exception>
    public async Task<TagChange> AddNamedAsync(string articleSlug, string name, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        return await tagger.AddNamedAsync(articleSlug, name, user.UserName, ct);
    }

    /// <summary>Removes a tag (or an extracted company, country or topic) from a story, for good.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    /// <exception cref="TaggingException">No such story, or the store is busy.</exception>
    public async Task<TagChange> RemoveAsync(string articleSlug, long entityId, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        return await tagger.RemoveAsync(articleSlug, entityId, user.UserName, ct);
    }
}
