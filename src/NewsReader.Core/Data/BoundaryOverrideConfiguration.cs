using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>BoundaryOverrides</c>: one decision per boundary (the latest wins).</summary>
public sealed class BoundaryOverrideConfiguration : IEntityTypeConfiguration<BoundaryOverride>
{
    public void Configure(EntityTypeBuilder<BoundaryOverride> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("BoundaryOverrides");
        builder.Property(o => o.Key).HasMaxLength(64);
        builder.Property(o => o.Preview).HasMaxLength(200);
        builder.Property(o => o.CreatedBy).HasMaxLength(256);
        builder.HasIndex(o => o.Key).IsUnique();
    }
}
