using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>ImportJobContents</c>: one row per waiting or running job.</summary>
public sealed class QueuedImportContentConfiguration : IEntityTypeConfiguration<QueuedImportContent>
{
    public void Configure(EntityTypeBuilder<QueuedImportContent> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ImportJobContents");
        builder.HasKey(c => c.JobId);
    }
}
