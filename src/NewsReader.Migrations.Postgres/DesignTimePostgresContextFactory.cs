using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Migrations.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --project src/NewsReader.Migrations.Postgres</c> build the
/// context for PostgreSQL; scaffolding needs no server, so the connection string is a placeholder.
/// </summary>
public sealed class DesignTimePostgresContextFactory : IDesignTimeDbContextFactory<NewsDbContext>
{
    public NewsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        NewsDb.Configure(options, "Host=localhost;Database=newsreader_design", StoreEngine.Postgres);
        return new NewsDbContext(options.Options);
    }
}
