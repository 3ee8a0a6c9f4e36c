using System.Security.Cryptography;
using System.Text;

namespace NewsReader.Core.Splitting;

/// <summary>
/// Names the place between two paragraphs by their text: the key a person's join or split is
/// remembered under (<see cref="Data.BoundaryOverride"/>). Both paragraphs are part of the key so a
/// line that recurs elsewhere (a sign-off, a stock phrase) does not carry the decision with it.
/// </summary>
public static class BoundaryKey
{
    /// <summary>SHA-256 (lower-case hex) of the two paragraphs' texts, as the reader normalised them.</summary>
    public static string Of(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var bytes = Encoding.UTF8.GetBytes(before + "\n\u241E\n" + after);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
