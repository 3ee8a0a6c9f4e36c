namespace NewsReader.Core.Data;

/// <summary>
/// A name that maps to an entity. Imports resolve extracted names through aliases, so after a merge
/// (issue 6) the old name keeps mapping to the survivor.
/// </summary>
public sealed class EntityAlias
{
    public long Id { get; set; }

    public long EntityId { get; set; }

    public NewsEntity? Entity { get; set; }

    /// <summary>Copied from the entity so (Kind, Key) can be unique.</summary>
    public EntityKind Kind { get; set; }

    /// <summary>The name as written.</summary>
    public required string Name { get; set; }

    /// <summary>The lookup key: <see cref="NameKey.Of"/> of the name.</summary>
    public required string Key { get; set; }
}
