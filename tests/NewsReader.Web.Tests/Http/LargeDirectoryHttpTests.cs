using NewsReader.Core.Data;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Http;

/// <summary>A directory with more entities than it renders: the most named first, the filter reaches the rest.</summary>
public sealed class LargeDirectoryHttpTests : OwnStoreHttpTests
{
    private const int Companies = 310;

    protected override async Task FillAsync(TestStore store)
    {
        // Company i is named in (i % 3) + 1 stories, so the most named sort first.
        for (var s = 0; s < 3; s++)
        {
            var named = Enumerable.Range(0, Companies).Where(i => (i % 3) + 1 > s)
                .Select(i => (EntityKind.Company, $"Firm {i:000}", false)).ToArray();
            await store.AddStoryAsync($"story-{s}", $"Story {s}", $"Body {s}.", age: s, entities: named);
        }
    }

    [Fact]
    public async Task Directory_MoreThanShown_ListsTheMostNamedAndSaysSo()
    {
        var doc = await GetAsync("/companies");

        var names = doc.QuerySelectorAll(".directory-list a").Select(a => a.TextContent).ToList();
        Assert.Equal(300, names.Count);
        Assert.Equal("Firm 002", names[0]);
        Assert.All(doc.QuerySelectorAll(".directory-list .count").Take(103), c => Assert.Equal("3", c.TextContent));
        Assert.Contains("The 300 most named of 310 companies", doc.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_FilterReachesEntitiesBeyondTheFirstPage()
    {
        var doc = await GetAsync("/companies?filter=firm 309");

        Assert.Equal(["Firm 309"], doc.QuerySelectorAll(".directory-list a").Select(a => a.TextContent));
        Assert.Contains("1 of 310 companies", doc.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }
}
