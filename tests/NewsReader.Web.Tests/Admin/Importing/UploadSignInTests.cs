using System.Net;
using NewsReader.Web.Admin.Importing;
using NewsReader.Web.Tests.Account;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Admin.Importing;

/// <summary>The upload endpoint and import page with real cookie sign-in (the accounts' test helpers); nothing here stores anything.</summary>
[Collection(WebAppGroup.Name)]
public sealed class UploadSignInTests(WebAppFixture app)
{
    private static readonly Uri UploadUri = new(UploadEndpoint.Path, UriKind.Relative);

    [Theory]
    [InlineData(Persona.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Persona.Reader, HttpStatusCode.Forbidden)]
    public async Task Upload_NotAdmin_RefusedBeforeAnything(Persona persona, HttpStatusCode expected)
    {
        using var client = await app.CreateClientAsync(persona);
        var token = await client.GetAntiforgeryTokenAsync();
        using var content = ImportApp.Upload(token, ("news.md", SeedFiles.Markdown(SeedFiles.ThreeStories)));

        using var response = await client.PostAsync(UploadUri, content);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain(await Jobs.RecentAsync(), j => j.FileName == "news.md");
    }

    [Fact]
    public async Task Upload_AdminWithoutToken_BadRequestAndNoJob()
    {
        using var client = await app.CreateClientAsync(Persona.Admin);
        using var content = ImportApp.Upload(null, ("no-token.md", SeedFiles.Markdown(SeedFiles.ThreeStories)));

        using var response = await client.PostAsync(UploadUri, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await Jobs.RecentAsync(), j => j.FileName == "no-token.md");
    }

    [Fact]
    public async Task Upload_AdminWithTheSignInPagesToken_AcceptedAsTheSameUsersToken()
    {
        // The token is per user and cookie, not per form: any page's token works, a reader's would not.
        using var client = await app.CreateClientAsync(Persona.Admin);
        var token = await client.GetAntiforgeryTokenAsync(UploadEndpoint.ImportsPageUrl);
        using var content = ImportApp.Upload(token);

        using var response = await client.PostAsync(UploadUri, content);

        // No file chosen: past the token check, refused for having nothing to import.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("choose at least one file", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Persona.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Persona.Reader, HttpStatusCode.Redirect)]
    [InlineData(Persona.Admin, HttpStatusCode.OK)]
    public async Task ImportsPage_Get_AdminOnly(Persona persona, HttpStatusCode expected)
    {
        using var client = await app.CreateClientAsync(persona);

        using var response = await client.GetAsync(new Uri(UploadEndpoint.ImportsPageUrl, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    private IImportJobs Jobs => (IImportJobs)app.Factory.Services.GetService(typeof(IImportJobs))!;
}
