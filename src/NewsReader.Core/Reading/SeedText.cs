namespace NewsReader.Core.Reading;

/// <summary>How the articles of a file are laid out.</summary>
public enum SeedFormat
{
    /// <summary>Detect from the text: Markdown when it opens with a <c>#</c> heading.</summary>
    Auto,

    /// <summary>Plain seed format: a paragraph per line, no titles, no separators.</summary>
    Seed,

    /// <summary>Markdown: a <c>#</c> or <c>##</c> heading starts a new article and is its title.</summary>
    Markdown,
}

/// <summary>A decoded, validated and normalised seed file.</summary>
/// <param name="Lines">Every line in order, NFC, runs of spaces and tabs collapsed, trimmed; blank lines are empty strings.</param>
/// <param name="Format">The format the file is in (never <see cref="SeedFormat.Auto"/>).</param>
public sealed record SeedText(string FileName, IReadOnlyList<string> Lines, SeedFormat Format);
