namespace NewsReader.Core.Data;

/// <summary>A reader's saved view of the story list (query, filters) under a name, with a private feed token.</summary>
public sealed class SavedSearch
{
    public const int MaxNameLength = 100;

    /// <summary>The longest view (query string) kept.</summary>
    public const int MaxViewLength = 2048;

    /// <summary>The longest webhook address kept.</summary>
    public const int MaxWebhookUrlLength = 500;

    public long Id { get; set; }

    /// <summary>The Identity user who saved it; nobody else sees it.</summary>
    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>The list's URL query string without the cursor (<c>q=chip&amp;company=nvidia</c>), as the home page reads it.</summary>
    public required string View { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the reader last opened it from their list; stories added since count as new.</summary>
    public DateTime LastOpenedAt { get; set; }

    /// <summary>SHA-256 (hex) of the private feed token, or null when the feed is off; unique.</summary>
    public string? FeedTokenHash { get; set; }

    /// <summary>New stories of every import are matched against it and listed as alerts.</summary>
    public bool AlertsOn { get; set; }

    /// <summary>Where matches are POSTed (http or https, no credentials), or null.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The key of the HMAC-SHA256 signature of each POST; shown to the reader once, kept to sign.</summary>
    public string? WebhookSecret { get; set; }
}
