using System.Net;

namespace NewsReader.Web.Tests.Security;

/// <summary>Who may use a page, endpoint or action.</summary>
public enum Access
{
    /// <summary>Everyone, signed in or not.</summary>
    Public,

    /// <summary>Any signed-in account (Reader or Admin).</summary>
    SignedIn,

    /// <summary>Admins only.</summary>
    Admin,
}

/// <summary>
/// A routable page's row: its route template as written in <c>@page</c>, who may open it, and, for a
/// template with parameters, a concrete URL to request. Pages need a row only when they have
/// parameters or differ from the default (pages under <c>/admin</c>: Admin; every other page: Public,
/// answering 200).
/// </summary>
public sealed record PageRow(string Template, Access Access, string? SampleUrl = null)
{
    /// <summary>What a person who may open the page gets (e.g. 404 for the not-found page).</summary>
    public HttpStatusCode AllowedStatus { get; init; } = HttpStatusCode.OK;

    /// <summary>What a signed-in account gets instead, when that differs (302 from the register page).</summary>
    public HttpStatusCode? SignedInStatus { get; init; }
}

/// <summary>
/// An HTTP endpoint's row (anything mapped with <c>MapGet/MapPost</c>..., uploads included).
/// <see cref="Content"/> builds the request body for a client (it may fetch an antiforgery token with
/// <c>client.GetAntiforgeryTokenAsync()</c>); authorization runs before antiforgery and before the
/// handler, so refused personas get 401/403 whatever the body.
/// </summary>
public sealed record EndpointRow(string Name, string Method, string Url, Access Access)
{
    /// <summary>What a person who may call it gets with <see cref="Content"/>.</summary>
    public HttpStatusCode AllowedStatus { get; init; } = HttpStatusCode.OK;

    public Func<HttpClient, Task<HttpContent?>>? Content { get; init; }
}

/// <summary>
/// An action a person takes through a web-layer service (tag, import, edit, merge...). <see cref="Act"/>
/// resolves the service from the given provider (a scope whose signed-in user is the persona) and
/// calls it. Refused personas must get <c>ActionForbiddenException</c>; allowed ones must not. Runs
/// against a store shared by all rows: make allowed actions harmless to repeat (rename to the same
/// name, tag then untag), or create what they act on in <see cref="IMatrixSource.PrepareAsync"/>.
/// </summary>
public sealed record ActionRow(string Name, Access Access, Func<IServiceProvider, Task> Act);

/// <summary>
/// A file of matrix rows. Each feature adds its own class implementing this (next to its own tests,
/// e.g. <c>tests/NewsReader.Web.Tests/Importing/ImportMatrixRows.cs</c>); the matrix test finds every
/// implementation in this assembly by reflection, so nobody edits a shared list. Needs a public
/// parameterless constructor.
/// </summary>
public interface IMatrixSource
{
    /// <summary>Creates what the rows need in the matrix's own store (stories, runs...); called once.</summary>
    Task PrepareAsync(Http.WebAppFixture app) => Task.CompletedTask;

    IEnumerable<PageRow> Pages => [];

    IEnumerable<EndpointRow> Endpoints => [];

    IEnumerable<ActionRow> Actions => [];
}
