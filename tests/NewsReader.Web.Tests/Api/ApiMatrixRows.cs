using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Api;
using NewsReader.Web.Tests.Security;

namespace NewsReader.Web.Tests.Api;

/// <summary>Matrix rows for the read API (open to everyone by default), its OpenAPI document, and the key page and actions (signed in).</summary>
public sealed class ApiMatrixRows : IMatrixSource
{
    public IEnumerable<PageRow> Pages =>
    [
        new("/account/api-keys", Access.SignedIn),
    ];

    public IEnumerable<EndpointRow> Endpoints =>
    [
        new("GET /api/v1/stories", "GET", "/api/v1/stories?q=tencent&company=tencent&limit=2", Access.Public),
        new("GET /api/v1/stories/{slug}", "GET", "/api/v1/stories/nvidia-chip-export-rules", Access.Public),
        new("GET /api/v1/companies", "GET", "/api/v1/companies", Access.Public),
        new("GET /api/v1/companies/{slug}", "GET", "/api/v1/companies/tencent", Access.Public),
        new("GET /api/v1/countries", "GET", "/api/v1/countries", Access.Public),
        new("GET /api/v1/countries/{slug}", "GET", "/api/v1/countries/china", Access.Public),
        new("GET /api/v1/topics", "GET", "/api/v1/topics", Access.Public),
        new("GET /api/v1/topics/{slug}", "GET", "/api/v1/topics/funding", Access.Public),
        new("GET /api/v1/tags", "GET", "/api/v1/tags", Access.Public),
        new("GET /api/v1/tags/{slug} (unknown)", "GET", "/api/v1/tags/no-such-tag", Access.Public) { AllowedStatus = System.Net.HttpStatusCode.NotFound },
        new("GET /openapi/v1.json", "GET", "/openapi/v1.json", Access.Public),
    ];

    // Harmless to repeat: each makes a key and revokes it again.
    public IEnumerable<ActionRow> Actions =>
    [
        new("ApiKeyActions.ListAsync", Access.SignedIn, sp => sp.GetRequiredService<ApiKeyActions>().ListAsync()),
        new("ApiKeyActions.CreateAsync + RevokeAsync", Access.SignedIn, async sp =>
        {
            var actions = sp.GetRequiredService<ApiKeyActions>();
            var key = await actions.CreateAsync("matrix");
            Assert.True(await actions.RevokeAsync(key.Info.Id));
        }),
    ];
}
