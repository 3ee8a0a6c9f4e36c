using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>ArticleBands</c>: the LSH index, looked up by <see cref="ArticleBand.Key"/>.</summary>
public sealed class ArticleBandConfiguration : IEntityTypeConfiguration<ArticleBand>
{
    public void Configure(EntityTypeBuilder<ArticleBand> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ArticleBands");
        builder.HasKey(b => new { b.ArticleId, b.Band });
        builder.HasIndex(b => b.Key);
    }
}
