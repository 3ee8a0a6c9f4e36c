using System.Net;
using NewsReader.Web.Tests.Admin.Importing;

namespace NewsReader.Web.Tests.Admin;

/// <summary>An admin story page of a story that is not there (never was, or a join removed it) is a 404, as reader pages are.</summary>
public sealed class AdminStoryHttpTests
{
    [Fact]
    public async Task AdminStoryPage_NoSuchStory_404LikeTheReaderPages()
    {
        await using var app = await ImportApp.CreateAsync();
        using var client = app.Client("admin");

        using var response = await client.GetAsync(new Uri("/admin/stories/987654", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
