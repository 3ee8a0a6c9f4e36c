using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsReader.Core.Data;

namespace NewsReader.Core.Store;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without an app host.</summary>
public sealed class DesignTimeNewsDbContextFactory : IDesignTimeDbContextFactory<NewsDbContext>
{
    public NewsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        NewsDb.Configure(options, "Data Source=design-time.db");
        return new NewsDbContext(options.Options);
    }
}
