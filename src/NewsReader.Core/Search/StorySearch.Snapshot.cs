using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Store;

namespace NewsReader.Core.Search;

// The link index of the store as it is now, rebuilt when the store's version changes.
public sealed partial class StorySearch
{
    /// <summary>Releases the watch on the store's version.</summary>
    public void Dispose()
    {
        lock (_versionLock)
        {
            _version?.Dispose();
            _version = null;
        }

        _building.Dispose();
    }

    /// <summary>
    /// The link index of the store as it is now. The store's version (<see cref="StoreVersion"/>)
    /// tells in one cheap statement whether the copy is still current; a change rebuilds it once
    /// (concurrent callers wait for that one build).
    /// </summary>
    private async Task<LinkIndex> IndexAsync(CancellationToken ct)
    {
        var index = Volatile.Read(ref _index);
        if (index is not null && index.Version == StoreVersion())
        {
            return index;
        }

        await _building.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Read the version before reading the store: a commit during the build makes the next
            // call see a newer version and build again, never keep a copy older than its label.
            var version = StoreVersion();
            if (_index is { } built && built.Version == version)
            {
                return built;
            }

            var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                using var tx = await StoreEngine.Of(db).FullText.BeginReadAsync(db, ct).ConfigureAwait(false);
                index = await LinkIndex.LoadAsync(tx, version, within: null, onlyEntities: null, ct).ConfigureAwait(false);
            }

            Volatile.Write(ref _index, index);
            return index;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>
    /// The store's version now (the engine's <see cref="IChangeDetection"/>): it changes whenever
    /// any connection commits, so anything derived from the store can be kept while it stays the
    /// same. One cheap statement.
    /// </summary>
    public long StoreVersion()
    {
        lock (_versionLock)
        {
            if (_version is null)
            {
                using var db = factory.CreateDbContext();
                _version = StoreEngine.Of(db).Changes.Watch(db.Database.GetConnectionString()!);
            }

            return _version.Current();
        }
    }
}
