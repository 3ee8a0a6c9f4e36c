using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>ImportJobs</c>: the runner takes the oldest waiting job; the admin pages list the newest.</summary>
public sealed class QueuedImportConfiguration : IEntityTypeConfiguration<QueuedImport>
{
    public void Configure(EntityTypeBuilder<QueuedImport> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ImportJobs");
        builder.Property(j => j.FileName).HasMaxLength(260);
        builder.Property(j => j.Sha256).HasMaxLength(64);
        builder.Property(j => j.StartedBy).HasMaxLength(450);
        builder.Property(j => j.Message).HasMaxLength(2000);
        builder.Property(j => j.Runner).HasMaxLength(200);
        builder.HasIndex(j => new { j.State, j.QueuedAt });
        builder.HasIndex(j => j.QueuedAt);
        builder.HasOne<QueuedImportContent>().WithOne().HasForeignKey<QueuedImportContent>(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
