using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>
/// Table <c>Alerts</c>: a search's unseen ones counted, an import's found by search and run. The story
/// ids are a primitive collection (a JSON array on SQLite, <c>bigint[]</c> on PostgreSQL), read by
/// joining its elements to the stories, so a deleted story drops out as a foreign key's cascade would
/// have taken its row. They go with the search.
/// </summary>
public sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Alerts");
        builder.HasIndex(a => new { a.SavedSearchId, a.SeenAt });
        builder.HasIndex(a => new { a.SavedSearchId, a.ImportRunId });
        builder.HasOne<SavedSearch>().WithMany().HasForeignKey(a => a.SavedSearchId).OnDelete(DeleteBehavior.Cascade);
    }
}
