using NewsReader.Core.Importing;

namespace NewsReader.Core.Tests.Importing;

public sealed class TextFingerprintTests
{
    [Theory]
    [InlineData("It\u2019s \u201Cdone\u201D \u2014 now.", "It's \"done\" - now.")]
    [InlineData("Two   spaces\n\nand lines", "two spaces and lines")]
    [InlineData("Caf\u0065\u0301 opens", "Caf\u00E9 opens")]
    [InlineData("\uFB01nance \u2013 5\u20137", "finance - 5-7")]
    public void Of_StyleVariants_SameFingerprint(string a, string b) =>
        Assert.Equal(TextFingerprint.Of(a), TextFingerprint.Of(b));

    [Fact]
    public void Of_DifferentWords_DifferentFingerprint() =>
        Assert.NotEqual(TextFingerprint.Of("Prices rose."), TextFingerprint.Of("Prices fell."));

    [Fact]
    public void Of_Always64LowerHexDigits() =>
        Assert.Matches("^[0-9a-f]{64}$", TextFingerprint.Of("anything"));
}
