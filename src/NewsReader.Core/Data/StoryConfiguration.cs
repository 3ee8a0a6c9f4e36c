using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>Articles</c>: the column names Title, Summary, Body, Entities are read by <c>articles_fts</c>.</summary>
public sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Articles");
        builder.Property(a => a.Slug).HasMaxLength(120);
        builder.Property(a => a.Title).HasMaxLength(400);
        builder.Property(a => a.Summary).HasMaxLength(2000);
        builder.Property(a => a.EntityNames).HasColumnName("Entities");
        builder.Property(a => a.Fingerprint).HasMaxLength(64);
        builder.Property(a => a.SourceFile).HasMaxLength(260);
        builder.Property(a => a.DeletedBy).HasMaxLength(450);
        builder.Property(a => a.TitleEditedBy).HasMaxLength(450);
        builder.Property(a => a.SummaryEditedBy).HasMaxLength(450);
        builder.HasIndex(a => a.Slug).IsUnique();

        // The exact-duplicate key: the same normalised text can be stored only once.
        builder.HasIndex(a => a.Fingerprint).IsUnique();

        // Newest-first listing and its keyset cursor.
        builder.HasIndex(a => new { a.CreatedAt, a.Id });

        // The few soft-deleted stories, found without scanning every row (the link index's rebuild
        // asks for them; a partial index stays tiny because deletions are rare).
        builder.HasIndex(a => a.DeletedAt).HasFilter("DeletedAt IS NOT NULL");
        builder.HasMany(a => a.Revisions).WithOne(r => r.Story).HasForeignKey(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Links).WithOne(l => l.Story).HasForeignKey(l => l.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<StoryBand>().WithOne().HasForeignKey(b => b.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
