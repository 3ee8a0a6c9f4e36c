using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>
/// Table <c>AlertMatches</c>: a story matched once per saved search (the matcher only ever sees an
/// import's new stories, so no unique index is kept for that: every index costs each of the
/// thousands of rows an import can add); a reader's unseen ones counted by search, an import's found
/// by search and run. They go with the search or the story.
/// </summary>
public sealed class AlertMatchConfiguration : IEntityTypeConfiguration<AlertMatch>
{
    public void Configure(EntityTypeBuilder<AlertMatch> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AlertMatches");
        builder.HasIndex(m => new { m.SavedSearchId, m.SeenAt });
        builder.HasIndex(m => new { m.SavedSearchId, m.ImportRunId });
        builder.HasIndex(m => m.StoryId);
        builder.HasOne<SavedSearch>().WithMany().HasForeignKey(m => m.SavedSearchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Story>().WithMany().HasForeignKey(m => m.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
