using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using NewsReader.Web.Account;
using NewsReader.Web.Tests.Account;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Security;

/// <summary>The matrix's own app and store, so rows that prepare data or act do not disturb other tests.</summary>
[CollectionDefinition(Name)]
public sealed class MatrixGroup : ICollectionFixture<WebAppFixture>
{
    public const string Name = "authorization matrix";
}

/// <summary>
/// Anonymous, reader and admin against every routable page (found by reflection), every endpoint and
/// every action listed by an <see cref="IMatrixSource"/>: allowed personas get the row's status,
/// others are sent to sign in (GET, anonymous), to access denied (GET, reader), or get 401/403.
/// </summary>
[Collection(MatrixGroup.Name)]
public sealed class AuthorizationMatrixTests(WebAppFixture app)
{
    private static readonly ConditionalWeakTable<WebAppFixture, Task> Prepared = [];

    private static readonly IReadOnlyList<IMatrixSource> Sources = typeof(AuthorizationMatrixTests).Assembly.GetTypes()
        .Where(t => typeof(IMatrixSource).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IMatrixSource)Activator.CreateInstance(t)!)
        .ToList();

    private static readonly Persona[] Personas = Enum.GetValues<Persona>();

    /// <summary>Every <c>@page</c> template of the web app.</summary>
    public static IReadOnlyList<string> RouteTemplates { get; } = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t))
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static TheoryData<string, Persona> PageCases() => Cases(RouteTemplates);

    public static TheoryData<string, Persona> EndpointCases() => Cases(Sources.SelectMany(s => s.Endpoints).Select(r => r.Name));

    public static TheoryData<string, Persona> ActionCases() => Cases(Sources.SelectMany(s => s.Actions).Select(r => r.Name));

    private static TheoryData<string, Persona> Cases(IEnumerable<string> keys)
    {
        var data = new TheoryData<string, Persona>();
        foreach (var key in keys)
        {
            foreach (var persona in Personas)
            {
                data.Add(key, persona);
            }
        }

        return data;
    }

    [Fact]
    public void Rows_NameRealPagesAndAreUnique()
    {
        var pageRows = Sources.SelectMany(s => s.Pages).ToList();
        Assert.All(pageRows, r => Assert.Contains(r.Template, RouteTemplates));
        Assert.Equal(pageRows.Count, pageRows.Select(r => r.Template).Distinct(StringComparer.Ordinal).Count());
        var names = Sources.SelectMany(s => s.Endpoints.Select(e => e.Name).Concat(s.Actions.Select(a => a.Name))).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("/admin", RouteTemplates);
    }

    [Theory]
    [MemberData(nameof(PageCases))]
    public async Task Page_Get_AnswersByRole(string template, Persona persona)
    {
        var row = PageRowFor(template);
        await PrepareAsync();
        using var client = await app.CreateClientAsync(persona);

        using var response = await client.GetAsync(new Uri(row.SampleUrl!, UriKind.Relative));

        var allowed = persona != Persona.Anonymous && row.SignedInStatus is { } signedIn ? signedIn : row.AllowedStatus;
        AssertOutcome(row.Access, allowed, persona, isGet: true, response, row.SampleUrl!);
    }

    [Theory]
    [MemberData(nameof(EndpointCases))]
    public async Task Endpoint_Request_AnswersByRole(string name, Persona persona)
    {
        var row = Sources.SelectMany(s => s.Endpoints).Single(r => r.Name == name);
        await PrepareAsync();
        using var client = await app.CreateClientAsync(persona);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(row.Url, UriKind.Relative));
        if (row.Content is not null)
        {
            request.Content = await row.Content(client);
        }

        using var response = await client.SendAsync(request);

        var isGet = row.Method is "GET" or "HEAD";
        AssertOutcome(row.Access, row.AllowedStatus, persona, isGet, response, row.Url);
    }

    [Theory]
    [MemberData(nameof(ActionCases))]
    public async Task Action_Invoke_AllowedOrForbiddenByRole(string name, Persona persona)
    {
        var row = Sources.SelectMany(s => s.Actions).Single(r => r.Name == name);
        await PrepareAsync();
        await using var scope = await app.CreateScopeAsAsync(persona);

        var error = await Record.ExceptionAsync(() => row.Act(scope.ServiceProvider));

        if (Allowed(row.Access, persona))
        {
            Assert.Null(error);
        }
        else
        {
            Assert.IsType<ActionForbiddenException>(error);
        }
    }

    private static PageRow PageRowFor(string template)
    {
        var isAdminArea = template == "/admin" || template.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase);
        var row = Sources.SelectMany(s => s.Pages).SingleOrDefault(r => r.Template == template)
            ?? new PageRow(template, isAdminArea ? Access.Admin : Access.Public);
        Assert.True(!isAdminArea || row.Access == Access.Admin, $"{template} is under /admin, so its row must say Access.Admin");
        var url = row.SampleUrl ?? template;
        Assert.True(!url.Contains('{', StringComparison.Ordinal),
            $"{template} has route parameters: add a PageRow with a SampleUrl for it in an IMatrixSource of your own (see Security/AuthorizationMatrix.cs)");
        return row with { SampleUrl = url };
    }

    private static bool Allowed(Access access, Persona persona) => access switch
    {
        Access.Public => true,
        Access.SignedIn => persona != Persona.Anonymous,
        _ => persona == Persona.Admin,
    };

    private static void AssertOutcome(Access access, HttpStatusCode allowedStatus, Persona persona, bool isGet, HttpResponseMessage response, string url)
    {
        var because = $"{persona} {url}";
        if (Allowed(access, persona))
        {
            Assert.True(allowedStatus == response.StatusCode, $"{because}: expected {(int)allowedStatus}, got {(int)response.StatusCode}");
            return;
        }

        if (!isGet)
        {
            var expected = persona == Persona.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{because}: expected {(int)expected}, got {(int)response.StatusCode}");
            return;
        }

        Assert.True(response.StatusCode == HttpStatusCode.Found, $"{because}: expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
        var target = persona == Persona.Anonymous ? AccountUrls.SignIn : AccountUrls.AccessDenied;
        Assert.True(string.Equals(target, path, StringComparison.OrdinalIgnoreCase), $"{because}: expected a redirect to {target}, got {location}");
        if (persona == Persona.Anonymous)
        {
            Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(url), location.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    private Task PrepareAsync() => Prepared.GetValue(app, a => PrepareAllAsync(a));

    private static async Task PrepareAllAsync(WebAppFixture app)
    {
        foreach (var source in Sources)
        {
            await source.PrepareAsync(app);
        }
    }
}
