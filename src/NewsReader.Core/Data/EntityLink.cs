namespace NewsReader.Core.Data;

/// <summary>Who put a link between a story and an entity.</summary>
public enum LinkOrigin
{
    /// <summary>The extractor found it; a re-import may update or drop it.</summary>
    Extracted = 0,

    /// <summary>A person added it; imports never touch it.</summary>
    Person = 1,
}

/// <summary>
/// A story's link to an entity. A person's removal is a tombstone (<see cref="RemovedAt"/> set), not a
/// delete, so a re-import that extracts the entity again does not bring the link back.
/// </summary>
public sealed class EntityLink
{
    public long StoryId { get; set; }

    public Story? Story { get; set; }

    public long EntityId { get; set; }

    public NewsEntity? Entity { get; set; }

    public LinkOrigin Origin { get; set; }

    /// <summary>True when the story is about the entity; false when it is only mentioned.</summary>
    public bool About { get; set; }

    public int Mentions { get; set; }

    /// <summary>The extractor's salience score.</summary>
    public double Score { get; set; }

    /// <summary>For person links: who added it and when.</summary>
    public string? AddedBy { get; set; }

    public DateTime AddedAt { get; set; }

    /// <summary>Set when a person removed the link: it stays removed through re-imports.</summary>
    public DateTime? RemovedAt { get; set; }

    public string? RemovedBy { get; set; }
}
