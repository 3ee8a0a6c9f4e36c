using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Core.Data;

namespace NewsReader.Core.Store;

/// <summary>
/// The one way to write: a fresh context, a transaction holding the store's write lock (the
/// engine's <see cref="IWriteLock"/>), the work, the commit. Imports, corrections and tags all come
/// through here, so none interleaves with another; each caller turns <see cref="StoreBusyException"/>
/// into its own message.
/// </summary>
public static class StoreWrite
{
    /// <summary>Begins a write transaction on a context (the engine's lock, waiting up to <paramref name="wait"/>).</summary>
    /// <exception cref="StoreBusyException">Another writer held the store for longer.</exception>
    public static Task<IDbContextTransaction> BeginAsync(NewsDbContext db, TimeSpan wait, CancellationToken ct) =>
        StoreEngine.Of(db).WriteLock.BeginAsync(db, wait, ct);

    /// <summary>Runs <paramref name="work"/> in one write transaction; an exception from it rolls everything back.</summary>
    /// <exception cref="StoreBusyException">Another writer held the store for longer than <paramref name="wait"/>.</exception>
    public static async Task<T> RunAsync<T>(IDbContextFactory<NewsDbContext> factory, TimeSpan wait, Func<NewsDbContext, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(work);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var tx = await BeginAsync(db, wait, ct).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                var result = await work(db).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
                return result;
            }
        }
    }

    /// <summary>Runs work that returns nothing; see <see cref="RunAsync{T}"/>.</summary>
    public static Task RunAsync(IDbContextFactory<NewsDbContext> factory, TimeSpan wait, Func<NewsDbContext, Task> work, CancellationToken ct) =>
        RunAsync(factory, wait, async db =>
        {
            await work(db).ConfigureAwait(false);
            return true;
        }, ct);
}
