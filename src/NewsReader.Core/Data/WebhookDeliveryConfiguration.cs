using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>WebhookDeliveries</c>: the due ones found by status and time; a search's latest shown to its reader.</summary>
public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("WebhookDeliveries");
        builder.Property(d => d.LastResult).HasMaxLength(200);
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => d.SavedSearchId);
        builder.HasOne<SavedSearch>().WithMany().HasForeignKey(d => d.SavedSearchId).OnDelete(DeleteBehavior.Cascade);
    }
}
