using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class SlugSetTests
{
    [Fact]
    public void Add_SameHeadlineTwice_SecondGetsSuffix()
    {
        var slugs = new SlugSet();

        Assert.Equal("kestrel-bank-cuts-jobs", slugs.Add("Kestrel Bank cuts jobs"));
        Assert.Equal("kestrel-bank-cuts-jobs-2", slugs.Add("Kestrel Bank cuts jobs"));
    }

    [Fact]
    public void Slugify_AccentsAndApostrophes_AsciiWithoutThem() =>
        Assert.Equal("mobileyes-cafe-plan", SlugSet.Slugify("Mobileye’s café plan"));

    [Fact]
    public void Slugify_Long_AtMostEightyCharsOnWordBoundary()
    {
        var slug = SlugSet.Slugify(string.Join(' ', Enumerable.Repeat("robotics", 20)));

        Assert.True(slug.Length <= 80);
        Assert.EndsWith("robotics", slug, StringComparison.Ordinal);
    }

    [Fact]
    public void Slugify_NoLetters_Story() => Assert.Equal("story", SlugSet.Slugify("— ! —"));
}
