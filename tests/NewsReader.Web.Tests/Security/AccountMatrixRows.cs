using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Web.Account;
using NewsReader.Web.Tests.Account;

namespace NewsReader.Web.Tests.Security;

/// <summary>Matrix rows for the reader pages and the account pages and endpoints.</summary>
public sealed class AccountMatrixRows : IMatrixSource
{
    public IEnumerable<PageRow> Pages =>
    [
        // Sample values come from Fixtures/SampleStories, which the matrix's store holds.
        new("/articles/{Slug}", Access.Public, "/articles/nvidia-chip-export-rules"),
        new("/companies/{Slug}", Access.Public, "/companies/tencent"),
        new("/countries/{Slug}", Access.Public, "/countries/china"),
        new("/topics/{Slug}", Access.Public, "/topics/funding"),
        new(AccountUrls.AccessDenied, Access.Public) { AllowedStatus = HttpStatusCode.Forbidden },
        // Someone signed in already has an account: sent on to where they were going.
        new(AccountUrls.Register, Access.Public) { SignedInStatus = HttpStatusCode.Found },
    ];

    public IEnumerable<EndpointRow> Endpoints =>
    [
        new("sign-out with token", "POST", AccountUrls.SignOut, Access.Public)
        {
            AllowedStatus = HttpStatusCode.Found,
            Content = async client => new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [TestAccounts.AntiforgeryField] = await client.GetAntiforgeryTokenAsync(),
                ["returnUrl"] = "/",
            }),
        },
        // CSRF: the same forms without the antiforgery token are refused for everyone.
        new("sign-out without token", "POST", AccountUrls.SignOut, Access.Public)
        {
            AllowedStatus = HttpStatusCode.BadRequest,
            Content = _ => Task.FromResult<HttpContent?>(new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" })),
        },
        new("sign-in without token", "POST", AccountUrls.SignIn, Access.Public)
        {
            AllowedStatus = HttpStatusCode.BadRequest,
            Content = _ => Task.FromResult<HttpContent?>(new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in",
                ["Input.Email"] = "reader@example.test",
                ["Input.Password"] = TestAccounts.Password,
            })),
        },
    ];

    // The check every action service makes first; the rows other features add call their services.
    public IEnumerable<ActionRow> Actions =>
    [
        new("CurrentUser.RequireAsync(Admin)", Access.Admin, sp => sp.GetRequiredService<CurrentUser>().RequireAsync(NewsRoles.Admin)),
        new("CurrentUser.RequireAsync()", Access.SignedIn, sp => sp.GetRequiredService<CurrentUser>().RequireAsync()),
    ];
}
