using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>Entities</c>: slug unique within a kind.</summary>
public sealed class NewsEntityConfiguration : IEntityTypeConfiguration<NewsEntity>
{
    public void Configure(EntityTypeBuilder<NewsEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Entities");
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Slug).HasMaxLength(120);
        builder.Property(e => e.CreatedBy).HasMaxLength(450);
        builder.HasIndex(e => new { e.Kind, e.Slug }).IsUnique();
        builder.HasMany(e => e.Aliases).WithOne(a => a.Entity).HasForeignKey(a => a.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Links).WithOne(l => l.Entity).HasForeignKey(l => l.EntityId).OnDelete(DeleteBehavior.Cascade);
    }
}
