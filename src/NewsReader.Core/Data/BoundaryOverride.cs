namespace NewsReader.Core.Data;

/// <summary>What a person decided about a place between two paragraphs. Stored as integers: never renumber.</summary>
public enum BoundaryDecision
{
    /// <summary>A story must not start here: the admin joined the two stories on either side.</summary>
    Join = 0,

    /// <summary>A story must start here: the admin split a story at this paragraph.</summary>
    Split = 1,
}

/// <summary>
/// A person's correction of the splitter, remembered so that importing the same text again reproduces
/// it. Keyed by the text on either side of the boundary, not by file name or position, so it still
/// applies when the file is renamed or other stories are added around it.
/// </summary>
public sealed class BoundaryOverride
{
    public long Id { get; set; }

    public BoundaryDecision Decision { get; set; }

    /// <summary>
    /// <see cref="Splitting.BoundaryKey.Of"/> of the last paragraph before the boundary and the first one
    /// after it.
    /// </summary>
    public required string Key { get; set; }

    /// <summary>The first words of the paragraph after the boundary, for people reading the table.</summary>
    public required string Preview { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }
}
