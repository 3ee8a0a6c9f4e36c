using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>ImportRunMessages</c>.</summary>
public sealed class ImportRunMessageConfiguration : IEntityTypeConfiguration<ImportRunMessage>
{
    public void Configure(EntityTypeBuilder<ImportRunMessage> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ImportRunMessages");
        builder.Property(m => m.StoryId).HasColumnName("ArticleId");
        builder.Property(m => m.Text).HasMaxLength(2000);
        builder.HasIndex(m => m.ImportRunId);
    }
}
