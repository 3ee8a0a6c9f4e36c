namespace NewsReader.Core.Data;

/// <summary>A new story that matched a saved search with alerts on, found after the import that brought it.</summary>
public sealed class AlertMatch
{
    public long Id { get; set; }

    public long SavedSearchId { get; set; }

    public long StoryId { get; set; }

    /// <summary>The import run whose new stories were matched.</summary>
    public long ImportRunId { get; set; }

    public DateTime MatchedAt { get; set; }

    /// <summary>When the reader saw it in the app (opened the alerts list), or null while unseen.</summary>
    public DateTime? SeenAt { get; set; }
}
