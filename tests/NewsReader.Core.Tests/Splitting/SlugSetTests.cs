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
    public void Add_ManySameHeadlines_EachGetsTheNextFreeSuffix()
    {
        var slugs = new SlugSet();

        var first = Enumerable.Range(0, 3).Select(_ => slugs.Add("Daily close")).ToList();
        var natural = slugs.Add("Daily close 5");
        var rest = Enumerable.Range(0, 3).Select(_ => slugs.Add("Daily close")).ToList();

        Assert.Equal(["daily-close", "daily-close-2", "daily-close-3"], first);
        Assert.Equal("daily-close-5", natural);
        Assert.Equal(["daily-close-4", "daily-close-6", "daily-close-7"], rest);
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

    // "...-close-to-100-million" must not become "...-close-to-1": a number cut short says something else.
    [Fact]
    public void Slugify_WordAcrossTheLimit_CutBeforeIt()
    {
        var slug = SlugSet.Slugify("Esports ‘total solutions provider’ VSPN has raised what it describes as ‘close to’ $100 million");

        Assert.Equal("esports-total-solutions-provider-vspn-has-raised-what-it-describes-as-close-to", slug);
    }

    [Fact]
    public void Slugify_NoLetters_Story() => Assert.Equal("story", SlugSet.Slugify("— ! —"));
}
