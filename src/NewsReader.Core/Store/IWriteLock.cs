using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Core.Data;

namespace NewsReader.Core.Store;

/// <summary>
/// The store has one writer at a time: a write transaction takes the lock when it begins, so the
/// checks it makes and the writes it does see the same store, and an import never interleaves with
/// a correction or a tag. Use through <see cref="StoreWrite"/>.
/// </summary>
public interface IWriteLock
{
    /// <summary>Begins a write transaction holding the lock, waiting up to <paramref name="wait"/> for another writer.</summary>
    /// <exception cref="StoreBusyException">Another writer held the store for longer than <paramref name="wait"/>.</exception>
    Task<IDbContextTransaction> BeginAsync(NewsDbContext db, TimeSpan wait, CancellationToken ct);
}

/// <summary>Another writer held the store for longer than the caller would wait.</summary>
public sealed class StoreBusyException : Exception
{
    public StoreBusyException()
    {
    }

    public StoreBusyException(string message)
        : base(message)
    {
    }

    public StoreBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
