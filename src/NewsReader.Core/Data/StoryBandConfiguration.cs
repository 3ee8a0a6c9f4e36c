using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>ArticleBands</c>: the LSH index, looked up by <see cref="StoryBand.Key"/>.</summary>
public sealed class StoryBandConfiguration : IEntityTypeConfiguration<StoryBand>
{
    public void Configure(EntityTypeBuilder<StoryBand> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ArticleBands");
        builder.Property(b => b.StoryId).HasColumnName("ArticleId");
        builder.HasKey(b => new { b.StoryId, b.Band });
        builder.HasIndex(b => b.Key);
    }
}
