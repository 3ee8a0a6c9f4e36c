using NewsReader.Core.Data;

namespace NewsReader.Core.Store;

/// <summary>
/// One database engine's side of the store: everything that differs between engines, one small
/// interface per concern, so feature folders (importing, curation, tagging, search) never name an
/// engine. The engine of a context is found from its EF provider (<see cref="Of"/>); configuration
/// (<c>Store:Provider</c>) names one (<see cref="Named"/>). Why this seam and not another: docs/adr/0007-store-engine-seam.md.
/// </summary>
public sealed class StoreEngine
{
    /// <summary>The embedded default: one SQLite file, FTS5 for search.</summary>
    public static StoreEngine Sqlite { get; } = new()
    {
        Name = "Sqlite",
        Provider = new SqliteProvider(),
        WriteLock = new SqliteWriteLock(),
        Changes = new SqliteDataVersion(),
        Statements = new SqliteStatements(),
        SearchIndex = new SqliteSearchIndex(),
        FullText = new SqliteFullText(),
    };

    /// <summary>The server engine for several app instances on one database: PostgreSQL, tsvector for search.</summary>
    public static StoreEngine Postgres { get; } = new()
    {
        Name = "Postgres",
        Provider = new PostgresProvider(),
        WriteLock = new PostgresWriteLock(),
        Changes = new PostgresStoreVersion(),
        Statements = new PostgresStatements(),
        SearchIndex = new PostgresSearchIndex(),
        FullText = new PostgresFullText(),
        Filters = new PostgresFilterQueries(),
    };

    /// <summary>Every engine this build knows.</summary>
    public static IReadOnlyList<StoreEngine> All { get; } = [Sqlite, Postgres];

    /// <summary>The engine used when configuration names none.</summary>
    public static StoreEngine Default => Sqlite;

    /// <summary>The configuration name of the engine (<c>Store:Provider</c>, the CLI's <c>--provider</c>).</summary>
    public required string Name { get; init; }

    /// <summary>EF provider, connection strings, migrations.</summary>
    public required IStoreProvider Provider { get; init; }

    /// <summary>The single-writer lock of a write transaction.</summary>
    public required IWriteLock WriteLock { get; init; }

    /// <summary>Whether the store changed since a cache was filled.</summary>
    public required IChangeDetection Changes { get; init; }

    /// <summary>The importer's prepared statements and their bulk insert SQL.</summary>
    public required IStatementRunner Statements { get; init; }

    /// <summary>Keeping the full-text index in step with the stories.</summary>
    public required ISearchIndex SearchIndex { get; init; }

    /// <summary>Full-text queries: matches, ranks, snippets.</summary>
    public required IFullTextQueries FullText { get; init; }

    /// <summary>
    /// Filters, totals, pages and facets in the database; null when the engine answers them from the
    /// in-memory link index (SQLite: faster there, measured in docs/performance.md; ADR 0008).
    /// </summary>
    public IFilterQueries? Filters { get; init; }

    /// <summary>The engine of a context, from its EF provider.</summary>
    /// <exception cref="NotSupportedException">A provider no engine here implements.</exception>
    public static StoreEngine Of(NewsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var provider = db.Database.ProviderName;
        return All.FirstOrDefault(e => string.Equals(e.Provider.EfProviderName, provider, StringComparison.Ordinal))
            ?? throw new NotSupportedException($"No store engine for the EF provider '{provider}'.");
    }

    /// <summary>An engine by its configuration name (case ignored).</summary>
    /// <exception cref="NotSupportedException">No engine of that name.</exception>
    public static StoreEngine Named(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new NotSupportedException($"No store engine named '{name}'; known: {string.Join(", ", All.Select(e => e.Name))}.");
}
