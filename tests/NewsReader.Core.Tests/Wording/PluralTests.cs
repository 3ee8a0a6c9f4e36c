using NewsReader.Core.Wording;

namespace NewsReader.Core.Tests.Wording;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "story", "0 stories")]
    [InlineData(1, "story", "1 story")]
    [InlineData(2, "story", "2 stories")]
    [InlineData(1, "tag", "1 tag")]
    [InlineData(3, "tag", "3 tags")]
    [InlineData(1, "entity", "1 entity")]
    [InlineData(1, "duplicate", "1 duplicate")]
    [InlineData(2, "duplicate", "2 duplicates")]
    [InlineData(1, "file", "1 file")]
    [InlineData(5, "file", "5 files")]
    [InlineData(2, "match", "2 matches")]
    [InlineData(2, "day", "2 days")]
    [InlineData(1234, "run", "1,234 runs")]
    public void Count_RegularNoun_SingularOnlyForOne(long count, string singular, string expected) =>
        Assert.Equal(expected, Plural.Count(count, singular));

    [Fact]
    public void Count_IrregularNoun_UsesTheGivenPlural()
    {
        Assert.Equal("1 person", Plural.Count(1, "person", "people"));
        Assert.Equal("2 people", Plural.Count(2, "person", "people"));
    }

    [Theory]
    [InlineData("company", "companies")]
    [InlineData("country", "countries")]
    [InlineData("topic", "topics")]
    [InlineData("key", "keys")]
    [InlineData("box", "boxes")]
    [InlineData("crash", "crashes")]
    [InlineData("bus", "buses")]
    public void Of_RegularNoun_EnglishPlural(string singular, string expected) =>
        Assert.Equal(expected, Plural.Of(singular));

    [Fact]
    public void Noun_OneAndOthers_PicksTheNumber()
    {
        Assert.Equal("story", Plural.Noun(1, "story", "stories"));
        Assert.Equal("stories", Plural.Noun(0, "story", "stories"));
    }
}
