using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Web.Account;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Account;

/// <summary>Who a test acts as.</summary>
public enum Persona
{
    Anonymous,
    Reader,
    Admin,
}

/// <summary>An account created for a test.</summary>
public sealed record TestUser(string Email, string Password);

/// <summary>
/// Accounts and signed-in clients for HTTP tests against <see cref="WebAppFixture"/>.
/// <list type="bullet">
/// <item><c>await app.CreateClientAsync(Persona.Admin)</c>: a client signed in as the fixture's shared admin
/// (or reader; Anonymous is a plain client). Cheap after the first call.</item>
/// <item><c>await app.CreateUserAsync(NewsRoles.Reader)</c> then <c>await app.SignInAsync(user)</c>: a fresh
/// account of your own, for tests that change it (role removed, locked out).</item>
/// <item><c>await using var scope = await app.CreateScopeAsAsync(Persona.Reader)</c>: a DI scope of the app whose
/// signed-in user (AuthenticationStateProvider, hence <c>CurrentUser</c>) is that persona, for calling
/// web-layer action services directly as a circuit would.</item>
/// <item><c>await client.GetAntiforgeryTokenAsync()</c>: the form token for that client's user, for POSTs to
/// antiforgery-checked endpoints (send it as the <c>__RequestVerificationToken</c> form field).</item>
/// </list>
/// Sign-in goes through the real sign-in page (form, antiforgery token, cookie), so these helpers also
/// exercise it. Clients keep cookies and do not follow redirects.
/// </summary>
public static class TestAccounts
{
    /// <summary>The password of every test account (long enough for <see cref="AccountRules"/>).</summary>
    public const string Password = "Test-Password-0123";

    /// <summary>The antiforgery form field name.</summary>
    public const string AntiforgeryField = "__RequestVerificationToken";

    private static readonly ConditionalWeakTable<WebAppFixture, SharedUsers> Shared = [];

    /// <summary>Creates an account with <paramref name="role"/> in the fixture's store (a unique e-mail unless given).</summary>
    public static async Task<TestUser> CreateUserAsync(this WebAppFixture app, string role, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        var result = await accounts.CreateOrPromoteAsync(email, Password, role);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return new TestUser(email, Password);
    }

    /// <summary>Changes an account's role through <see cref="AdminAccounts"/> (as <c>set-role</c> does).</summary>
    public static async Task SetRoleAsync(this WebAppFixture app, TestUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().SetRoleAsync(user.Email, role);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    /// <summary>A new client signed in as <paramref name="user"/>; fails the test if sign-in fails.</summary>
    public static async Task<HttpClient> SignInAsync(this WebAppFixture app, TestUser user) =>
        (await app.SignInWithCookiesAsync(user)).Client;

    /// <summary>A client acting as <paramref name="persona"/>: anonymous, or signed in as the fixture's shared reader or admin.</summary>
    public static async Task<HttpClient> CreateClientAsync(this WebAppFixture app, Persona persona)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (persona == Persona.Anonymous)
        {
            return app.CreateClient();
        }

        // Signed in once per persona; each client gets its own copy of the cookies, so a test that
        // signs its client out leaves the others signed in (sign-out does not change the stamp).
        var shared = Shared.GetValue(app, a => new SharedUsers(a));
        var cookies = await (persona == Persona.Admin ? shared.AdminCookies : shared.ReaderCookies).Value;
        var container = new CookieContainer();
        container.Add(cookies);
        return NewClient(app, container);
    }

    private static async Task<(HttpClient Client, CookieCollection Cookies)> SignInWithCookiesAsync(this WebAppFixture app, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(user);
        var container = new CookieContainer();
        var client = NewClient(app, container);
        using var response = await client.PostSignInAsync(user.Email, user.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"sign-in as {user.Email} answered {(int)response.StatusCode}");
        return (client, container.GetAllCookies());
    }

    // Like app.CreateClient(): keeps cookies, does not follow redirects; but with a container we can read.
    private static HttpClient NewClient(WebAppFixture app, CookieContainer container) =>
        app.Factory.CreateDefaultClient(new CookieContainerHandler(container));

    /// <summary>A scope of the app's services acting as <paramref name="persona"/> (the fixture's shared reader or admin).</summary>
    public static async Task<AsyncServiceScope> CreateScopeAsAsync(this WebAppFixture app, Persona persona)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (persona == Persona.Anonymous)
        {
            return await app.CreateScopeAsAsync(user: null);
        }

        var shared = Shared.GetValue(app, a => new SharedUsers(a));
        return await app.CreateScopeAsAsync(persona == Persona.Admin ? await shared.Admin.Value : await shared.Reader.Value);
    }

    /// <summary>
    /// A scope of the app's services whose authentication state is <paramref name="user"/> signed in
    /// (anonymous when null), built as a circuit's would be from the cookie: the claims are taken
    /// now, so a later role change shows up in <c>CurrentUser</c> (which reads the store) but not in the claims.
    /// </summary>
    public static async Task<AsyncServiceScope> CreateScopeAsAsync(this WebAppFixture app, TestUser? user)
    {
        ArgumentNullException.ThrowIfNull(app);
        var scope = app.Factory.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity());
        if (user is not null)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var identityUser = await users.FindByEmailAsync(user.Email) ?? throw new InvalidOperationException("no account " + user.Email);
            principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>().CreateAsync(identityUser);
        }

        var state = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>
    /// GETs the sign-in page and POSTs its form (with the page's antiforgery token). Returns the raw
    /// response: 302 on success, 200 with the form and an error otherwise, 429 when rate limited.
    /// </summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await client.GetAntiforgeryTokenAsync();
        var url = returnUrl is null ? AccountUrls.SignIn : AccountUrls.SignIn + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            [AntiforgeryField] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri(url, UriKind.Relative), form);
    }

    /// <summary>
    /// An antiforgery token valid for this client's cookies and user, read from a form on
    /// <paramref name="pageUrl"/> (by default the sign-in page, which every user can open).
    /// </summary>
    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, string pageUrl = AccountUrls.SignIn)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative));
        var document = await new HtmlParser().ParseDocumentAsync(html);
        var input = document.QuerySelector($"input[name={AntiforgeryField}]");
        Assert.True(input is not null, $"no antiforgery token on {pageUrl}");
        return input!.GetAttribute("value")!;
    }

    private sealed class SharedUsers
    {
        public SharedUsers(WebAppFixture app)
        {
            Reader = new(() => app.CreateUserAsync(NewsRoles.Reader, "reader@example.test"));
            Admin = new(() => app.CreateUserAsync(NewsRoles.Admin, "admin@example.test"));
            ReaderCookies = new(async () => (await app.SignInWithCookiesAsync(await Reader.Value)).Cookies);
            AdminCookies = new(async () => (await app.SignInWithCookiesAsync(await Admin.Value)).Cookies);
        }

        public Lazy<Task<TestUser>> Reader { get; }

        public Lazy<Task<TestUser>> Admin { get; }

        public Lazy<Task<CookieCollection>> ReaderCookies { get; }

        public Lazy<Task<CookieCollection>> AdminCookies { get; }
    }
}
