using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Core.Data;

/// <summary>Table <c>SavedSearches</c>: a reader's list by user; a private feed by its token's hash. They go with the user.</summary>
public sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("SavedSearches");
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Name).HasMaxLength(SavedSearch.MaxNameLength);
        builder.Property(s => s.View).HasMaxLength(SavedSearch.MaxViewLength);
        builder.Property(s => s.FeedTokenHash).HasMaxLength(64);
        builder.Property(s => s.WebhookUrl).HasMaxLength(SavedSearch.MaxWebhookUrlLength);
        builder.Property(s => s.WebhookSecret).HasMaxLength(64);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.AlertsOn);
        builder.HasIndex(s => s.FeedTokenHash).IsUnique();
        builder.HasOne<IdentityUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
