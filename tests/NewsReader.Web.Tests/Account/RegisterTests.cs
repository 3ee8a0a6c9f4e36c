using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Account;

[Collection(WebAppGroup.Name)]
public sealed class RegisterTests(WebAppFixture app)
{
    private static async Task<HttpResponseMessage> PostRegisterAsync(HttpClient client, string email, string password)
    {
        var token = await client.GetAntiforgeryTokenAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            [TestAccounts.AntiforgeryField] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        return await client.PostAsync(new Uri("/account/register", UriKind.Relative), form);
    }

    private static async Task<IList<string>?> RolesOfAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is null ? null : await users.GetRolesAsync(user);
    }

    [Fact]
    public async Task Register_Open_CreatesReaderAndSignsIn()
    {
        using var client = app.CreateClient();
        var email = $"new-{Guid.NewGuid():N}@example.test";

        using var response = await PostRegisterAsync(client, email, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal([NewsRoles.Reader], await RolesOfAsync(app.Factory.Services, email));
        Assert.Contains(email, await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WeakPassword_ShowsIdentityMessagesAndCreatesNothing()
    {
        using var client = app.CreateClient();
        var email = $"weak-{Guid.NewGuid():N}@example.test";

        using var response = await PostRegisterAsync(client, email, "short");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("at least 10 characters", doc.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await RolesOfAsync(app.Factory.Services, email));
    }

    [Fact]
    public async Task Register_Closed_ShowsNoFormAndRefusesPosts()
    {
        await using var closed = app.Factory.WithWebHostBuilder(b => b.UseSetting("Accounts:AllowRegistration", "false"));
        using var client = closed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = $"closed-{Guid.NewGuid():N}@example.test";

        var page = await client.GetStringAsync(new Uri("/account/register", UriKind.Relative));
        using var response = await PostRegisterAsync(client, email, TestAccounts.Password);

        Assert.Contains("does not accept new accounts", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Password", page, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Found, response.StatusCode);
        Assert.Null(await RolesOfAsync(closed.Services, email));
    }

    [Fact]
    public async Task Register_SignedIn_RedirectsAway()
    {
        using var client = await app.CreateClientAsync(Persona.Reader);

        using var response = await client.GetAsync(new Uri("/account/register?ReturnUrl=%2Fcompanies", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.EndsWith("/companies", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_Get_ShowsThePasswordRulesBesideTheField()
    {
        using var client = app.CreateClient();

        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri("/account/register", UriKind.Relative)));

        var password = doc.QuerySelector("input#password")!;
        Assert.Equal("password-rules", password.GetAttribute("aria-describedby"));
        Assert.Equal(
            "At least 10 characters, with an upper-case letter, a lower-case letter, a digit and a symbol such as - or !.",
            doc.QuerySelector("#password-rules")!.TextContent);
        Assert.Null(doc.QuerySelector(".account-form [role=alert]"));
    }
}
