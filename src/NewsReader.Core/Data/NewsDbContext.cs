using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Core.Data;

/// <summary>
/// The news store: stories, entities, links, import runs, the splitter corrections people made, and
/// the accounts (ASP.NET Core Identity tables) in one database (SQLite, or PostgreSQL: see <c>Store/</c>).
/// </summary>
public sealed class NewsDbContext(DbContextOptions<NewsDbContext> options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<Story> Stories => Set<Story>();

    public DbSet<StoryRevision> StoryRevisions => Set<StoryRevision>();

    public DbSet<StoryBand> StoryBands => Set<StoryBand>();

    public DbSet<NewsEntity> Entities => Set<NewsEntity>();

    public DbSet<EntityAlias> EntityAliases => Set<EntityAlias>();

    public DbSet<EntityLink> EntityLinks => Set<EntityLink>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<ImportRunMessage> ImportRunMessages => Set<ImportRunMessage>();

    public DbSet<BoundaryOverride> BoundaryOverrides => Set<BoundaryOverride>();

    /// <summary>Import jobs waiting, running or recently ended, shared by every app instance on a PostgreSQL store.</summary>
    public DbSet<QueuedImport> ImportJobs => Set<QueuedImport>();

    /// <summary>The files of the waiting and running import jobs.</summary>
    public DbSet<QueuedImportContent> ImportJobContents => Set<QueuedImportContent>();

    /// <summary>The keys that protect sign-in cookies, shared by every app instance on a PostgreSQL store (on SQLite they stay in the data folder).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
    }
}
