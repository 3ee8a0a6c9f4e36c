namespace NewsReader.Core.Data;

/// <summary>
/// The new stories of one import that matched one saved search with alerts on: one row per search and
/// import, however many stories matched (an import of thousands against a thousand searches would
/// otherwise write tens of thousands of rows, measured in docs/performance.md, "Alerts").
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }

    public long SavedSearchId { get; set; }

    /// <summary>The import run whose new stories were matched.</summary>
    public long ImportRunId { get; set; }

    /// <summary>The matched stories' ids, newest first (never empty). A story deleted since drops out where they are read.</summary>
    public List<long> StoryIds { get; set; } = [];

    public DateTime MatchedAt { get; set; }

    /// <summary>When the reader saw them in the app (opened the alerts list), or null while unseen.</summary>
    public DateTime? SeenAt { get; set; }
}
