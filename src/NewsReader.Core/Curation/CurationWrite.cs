using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Core.Curation;

/// <summary>
/// A correction's write transaction (<see cref="StoreWrite"/>): it takes the same write lock as an
/// import, so a correction never interleaves with one; it waits for it to finish, then says so.
/// </summary>
internal static class CurationWrite
{
    /// <summary>Long enough for an ordinary import to finish; a person is waiting, so not minutes.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);

    /// <summary>Runs one correction in one transaction; an exception from the work rolls everything back.</summary>
    /// <exception cref="CurationException">An import held the store for longer than <see cref="LockWait"/>.</exception>
    public static async Task<T> RunAsync<T>(IDbContextFactory<NewsDbContext> factory, Func<NewsDbContext, Task<T>> work, CancellationToken ct)
    {
        try
        {
            return await StoreWrite.RunAsync(factory, LockWait, work, ct).ConfigureAwait(false);
        }
        catch (StoreBusyException e)
        {
            throw new CurationException("An import is running on this store; try again when it has finished.", e);
        }
    }

    /// <summary>Runs one correction that returns nothing; see <see cref="RunAsync{T}"/>.</summary>
    public static Task RunAsync(IDbContextFactory<NewsDbContext> factory, Func<NewsDbContext, Task> work, CancellationToken ct) =>
        RunAsync(factory, async db =>
        {
            await work(db).ConfigureAwait(false);
            return true;
        }, ct);
}
