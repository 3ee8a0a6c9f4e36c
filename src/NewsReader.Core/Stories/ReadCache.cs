using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NewsReader.Core.Search;

namespace NewsReader.Core.Stories;

/// <summary>
/// What the read side built for a page (a list with its facets, a story, an entity's header), kept
/// while the store stays the same. Every key carries the store's version (<see cref="StorySearch.StoreVersion"/>,
/// which changes on any commit: an import, an edit, a tag), so a change is seen by the next request
/// and nothing is ever served stale; entries of older versions are never asked for again and age out.
/// The results are user-independent (the read side shows every reader the same stories), so one
/// entry serves every reader, and the interactive render that follows a prerender finds the
/// prerender's result instead of querying again.
/// </summary>
public sealed class ReadCache : IDisposable
{
    private readonly StorySearch _search;
    private readonly MemoryCache? _cache;

    public ReadCache(StorySearch search, IOptions<ReadOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _search = search;
        var entries = options.Value.ReadCacheEntries;
        _cache = entries > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = entries }) : null;
    }

    /// <summary>
    /// The cached value for a key at the store's current version, or the loaded one (kept when not
    /// null). The version is read before loading: a commit during the load labels the result with
    /// the older version, which no later request asks for.
    /// </summary>
    public async Task<T?> GetOrLoadAsync<T>(string key, Func<Task<T?>> load)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        if (_cache is null)
        {
            return await load().ConfigureAwait(false);
        }

        var versioned = (_search.StoreVersion(), key);
        if (_cache.TryGetValue(versioned, out T? hit) && hit is not null)
        {
            return hit;
        }

        var value = await load().ConfigureAwait(false);
        if (value is not null)
        {
            _cache.Set(versioned, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }

        return value;
    }

    public void Dispose() => _cache?.Dispose();
}
