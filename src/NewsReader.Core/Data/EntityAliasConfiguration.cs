using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>EntityAliases</c>: one name maps to one entity of a kind.</summary>
public sealed class EntityAliasConfiguration : IEntityTypeConfiguration<EntityAlias>
{
    public void Configure(EntityTypeBuilder<EntityAlias> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("EntityAliases");
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Key).HasMaxLength(200);
        builder.HasIndex(a => new { a.Kind, a.Key }).IsUnique();
        builder.HasIndex(a => a.EntityId);
    }
}
