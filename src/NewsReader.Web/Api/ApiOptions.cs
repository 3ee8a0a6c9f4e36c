using NewsReader.Core.Stories;
namespace NewsReader.Web.Api;

/// <summary>Settings of the read API (section <c>Api</c>); documented in docs/api.md and the README.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Requests without a key may read stories and entities (keys are still needed for a reader's own data).</summary>
    public bool AllowAnonymous { get; set; } = true;

    /// <summary>Requests per key (or per client address without a key) per window; more get 429.</summary>
    public int PermitLimit { get; set; } = 120;

    public int WindowSeconds { get; set; } = 60;
}
