using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace NewsReader.Web.Tests;

/// <summary>
/// The one bUnit context the component tests share: loose JS interop (MudBlazor calls into JS that
/// bUnit does not run) and MudBlazor's services, registered once.
/// </summary>
public sealed class BunitFixture : IDisposable
{
    public BunitFixture()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
    }

    public BunitContext Context { get; } = new();

    public void Dispose() => Context.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BunitGroup : ICollectionFixture<BunitFixture>
{
    public const string Name = "bUnit";
}
