using NewsReader.Core.Data;

namespace NewsReader.Core.Extraction;

/// <summary>One company, country or topic found in a story, with how central it is.</summary>
/// <param name="About">True when the story is about it; false when it is only mentioned.</param>
/// <param name="Evidence">The terms or mentions that weighed most, so a reader can see why.</param>
public sealed record EntityMention(
    string Name,
    EntityKind Kind,
    bool About,
    int Mentions,
    double Score,
    IReadOnlyList<string> Evidence);

/// <summary>Everything extraction found in one story, each list ordered about-first.</summary>
public sealed record ExtractedEntities(IReadOnlyList<EntityMention> Entities)
{
    /// <summary>No entities at all.</summary>
    public static ExtractedEntities None { get; } = new([]);

    /// <summary>Canonical company names, about-first.</summary>
    public IReadOnlyList<string> Companies => Names(EntityKind.Company);

    /// <summary>Canonical country names, about-first.</summary>
    public IReadOnlyList<string> Countries => Names(EntityKind.Country);

    /// <summary>Topic labels, about-first (highest score first).</summary>
    public IReadOnlyList<string> Topics => Names(EntityKind.Topic);

    private string[] Names(EntityKind kind) =>
        Entities.Where(e => e.Kind == kind).Select(e => e.Name).ToArray();
}
