using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>ArticleRevisions</c>: fingerprints indexed so a superseded text re-imported is known.</summary>
public sealed class StoryRevisionConfiguration : IEntityTypeConfiguration<StoryRevision>
{
    public void Configure(EntityTypeBuilder<StoryRevision> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ArticleRevisions");
        builder.Property(r => r.StoryId).HasColumnName("ArticleId");
        builder.Property(r => r.Title).HasMaxLength(400);
        builder.Property(r => r.Summary).HasMaxLength(2000);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.Property(r => r.SourceFile).HasMaxLength(260);
        builder.Property(r => r.CreatedBy).HasMaxLength(450);

        // Not unique: one text may be offered to a story more than once over time.
        builder.HasIndex(r => r.Fingerprint);
        builder.HasIndex(r => r.StoryId);
    }
}
