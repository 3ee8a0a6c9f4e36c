using Microsoft.AspNetCore.Mvc.Testing;
using NewsReader.Core.Data;
using NewsReader.Web.Admin.Importing;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Http;

/// <summary>Counts of one read in the singular on the reader's pages and in the import progress (issue 20).</summary>
public sealed class PluralHttpTests
{
    [Fact]
    public async Task TagDirectory_OneTag_SaysOneTag()
    {
        await using var store = await TestStore.CreateAsync();
        await store.AddStoryAsync("only", "The only story", "Text.", entities: [(EntityKind.Tag, "Green Deal", true)]);
        await using var app = TestApp.For(store.Folder);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var tags = await client.GetStringAsync(new Uri("/tags", UriKind.Relative));
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains(">1 tag<", tags, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"1 story\"", tags, StringComparison.Ordinal);
        Assert.DoesNotContain("1 tags", tags, StringComparison.Ordinal);
        Assert.Contains("1 story", home, StringComparison.Ordinal);
        Assert.DoesNotContain("1 stories", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImportJobState.Succeeded, 1, 1, "1 story read, all handled")]
    [InlineData(ImportJobState.Running, 1, 0, "1 story read, 0 stored or checked")]
    [InlineData(ImportJobState.Succeeded, 2, 2, "2 stories read, all handled")]
    public void Progress_Counts_SingularForOne(ImportJobState state, int found, int handled, string expected) =>
        Assert.Equal(expected, ImportFormat.Progress(new ImportJobStatus(state, found, handled)));
}
