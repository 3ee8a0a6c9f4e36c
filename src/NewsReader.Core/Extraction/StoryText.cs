namespace NewsReader.Core.Extraction;

/// <summary>A story split into words once, shared by the company, country and topic finders.</summary>
/// <param name="Tokens">Words of the headline (paragraph -1, when it is not just the lead cut short) and of each paragraph (0..n-1).</param>
/// <param name="Captions">For each paragraph, whether it is a photo caption.</param>
/// <param name="Lead">Index of the first ordinary paragraph.</param>
internal sealed record StoryText(List<TextToken> Tokens, bool[] Captions, int Lead)
{
    public bool InHeadline(int token) => Tokens[token].Paragraph < 0;

    public bool InLead(int token) => Tokens[token].Paragraph <= Lead;

    public bool InCaption(int token)
    {
        var p = Tokens[token].Paragraph;
        return p >= 0 && p < Captions.Length && Captions[p];
    }
}
