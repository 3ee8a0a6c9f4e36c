namespace NewsReader.Core.Data;

/// <summary>A company, country, topic or person's tag that stories link to.</summary>
public sealed class NewsEntity
{
    public long Id { get; set; }

    public EntityKind Kind { get; set; }

    /// <summary>The canonical name shown to readers.</summary>
    public required string Name { get; set; }

    /// <summary>URL slug, unique within a kind.</summary>
    public required string Slug { get; set; }

    /// <summary>Hidden from facets (an admin's choice); links and search keep working.</summary>
    public bool IsHidden { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>Every name that maps to this entity, the canonical one included.</summary>
    public List<EntityAlias> Aliases { get; } = [];

    public List<EntityLink> Links { get; } = [];
}
