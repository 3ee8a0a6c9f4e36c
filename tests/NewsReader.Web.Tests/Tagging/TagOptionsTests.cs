using NewsReader.Core.Data;
using NewsReader.Core.Tagging;
using NewsReader.Web.Tagging;

namespace NewsReader.Web.Tests.Tagging;

/// <summary>What the tag box offers for a typed name (<see cref="StoryTags.OptionsFor"/>).</summary>
public sealed class TagOptionsTests
{
    private static TagSuggestion Entity(long id, EntityKind kind, string name) => new(id, kind, name, name.ToLowerInvariant());

    private static StoryTag OnStory(TagSuggestion s) => new(s.EntityId, s.Kind, s.Name, s.Slug, LinkOrigin.Extracted, true, null, null);

    private static readonly TagSuggestion Intel = Entity(1, EntityKind.Company, "Intel");
    private static readonly TagSuggestion IntelCapital = Entity(2, EntityKind.Company, "Intel Capital");
    private static readonly TagSuggestion Semiconductors = Entity(3, EntityKind.Topic, "semiconductors");

    [Fact]
    public void OptionsFor_NameAlreadyOnTheStory_ShownWithTheReasonNotSelectable()
    {
        var (options, reason) = StoryTags.OptionsFor("intel", [Intel, IntelCapital], [OnStory(Intel)], (EntityKind.Company, "Intel"));

        Assert.Equal(
            [new StoryTags.TagOption(2, "Intel Capital", "Company"), new StoryTags.TagOption(1, "Intel", "Company", AlreadyOn: true)],
            options);
        Assert.Equal("“Intel” is already on this story.", reason);
    }

    [Fact]
    public void OptionsFor_Prefix_OffersTheExistingTopicFirst()
    {
        var (options, reason) = StoryTags.OptionsFor("semic", [Semiconductors], [OnStory(Intel)], null);

        Assert.Equal(new StoryTags.TagOption(3, "semiconductors", "Topic"), options[0]);
        Assert.Equal(new StoryTags.TagOption(null, "semic", StoryTags.NewTagLabel), options[^1]);
        Assert.Null(reason);
    }

    [Fact]
    public void OptionsFor_KnownCountryNoStoryHasYet_OfferedAsTheCountryNotANewTag()
    {
        var (options, _) = StoryTags.OptionsFor("japan", [], [], (EntityKind.Country, "Japan"));

        Assert.Equal([new StoryTags.TagOption(null, "Japan", "Country")], options);
    }

    [Fact]
    public void OptionsFor_NewName_OffersANewTag()
    {
        var (options, reason) = StoryTags.OptionsFor("Reading list", [], [OnStory(Intel)], null);

        Assert.Equal([new StoryTags.TagOption(null, "Reading list", StoryTags.NewTagLabel)], options);
        Assert.Null(reason);
    }
}
