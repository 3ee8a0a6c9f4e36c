namespace NewsReader.Core.Data;

/// <summary>
/// One LSH band of a story's MinHash signature. Stories sharing any band key are near-duplicate
/// candidates, so the importer never compares a story against every stored one.
/// </summary>
public sealed class StoryBand
{
    public long StoryId { get; set; }

    /// <summary>Band number, 0 to <c>MinHasher.Bands - 1</c>.</summary>
    public int Band { get; set; }

    /// <summary>Hash of the band's rows mixed with the band number, so one index serves all bands.</summary>
    public long Key { get; set; }
}
