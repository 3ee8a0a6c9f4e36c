using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>ArticleEntities</c> (entity <c>EntityLink</c>): one row per story and entity, tombstones included.</summary>
public sealed class EntityLinkConfiguration : IEntityTypeConfiguration<EntityLink>
{
    public void Configure(EntityTypeBuilder<EntityLink> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ArticleEntities");
        builder.Property(l => l.StoryId).HasColumnName("ArticleId");
        builder.HasKey(l => new { l.StoryId, l.EntityId });
        builder.Property(l => l.AddedBy).HasMaxLength(450);
        builder.Property(l => l.RemovedBy).HasMaxLength(450);

        // Filters and entity pages start from the entity: "which stories link to X".
        builder.HasIndex(l => new { l.EntityId, l.StoryId });
    }
}
