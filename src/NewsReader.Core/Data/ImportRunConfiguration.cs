using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>ImportRuns</c>: looked up by file hash for the re-import fast path.</summary>
public sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ImportRuns");
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.StartedBy).HasMaxLength(450);
        builder.HasIndex(r => r.Sha256);
        builder.HasIndex(r => r.StartedAt);
        builder.HasMany(r => r.Messages).WithOne().HasForeignKey(m => m.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
