using NewsReader.Core.Data;

namespace NewsReader.Core.Tagging;

/// <summary>One live link of a story as the tag editor shows it: what it is, and who put it there.</summary>
/// <param name="AddedBy">The user name of the person who added it; null for a link the extractor made.</param>
/// <param name="AddedAt">When a person added it (UTC); null for a link the extractor made.</param>
public sealed record StoryTag(
    long EntityId,
    EntityKind Kind,
    string Name,
    string Slug,
    LinkOrigin Origin,
    bool About,
    string? AddedBy,
    DateTime? AddedAt);

/// <summary>An existing entity offered while a person types a tag.</summary>
public sealed record TagSuggestion(long EntityId, EntityKind Kind, string Name, string Slug);

/// <summary>What a tag change did.</summary>
public enum TagOutcome
{
    /// <summary>The link was made (or a removed one brought back).</summary>
    Added,

    /// <summary>The story already had the link: nothing changed.</summary>
    AlreadyThere,

    /// <summary>The link was removed (tombstoned).</summary>
    Removed,

    /// <summary>The story had no such live link: nothing changed.</summary>
    NotThere,
}

/// <summary>The result of adding or removing a tag, with the entity concerned.</summary>
public sealed record TagChange(TagOutcome Outcome, TagSuggestion Entity);

/// <summary>A tag change that cannot be made (unknown story, bad name, busy store); the message is safe to show.</summary>
public sealed class TaggingException : Exception
{
    public TaggingException()
    {
    }

    public TaggingException(string message)
        : base(message)
    {
    }

    public TaggingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
