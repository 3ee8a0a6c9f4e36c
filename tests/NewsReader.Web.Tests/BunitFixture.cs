using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace NewsReader.Web.Tests;

/// <summary>
/// The one bUnit context the component tests share: loose JS interop (MudBlazor calls into JS that
/// bUnit does not run) and MudBlazor's services, registered once.
/// </summary>
public sealed class BunitFixture : IAsyncLifetime
{
    public BunitFixture()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
    }

    public BunitContext Context { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are async-disposable only, so the context must be disposed asynchronously.
    public async Task DisposeAsync() => await Context.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BunitGroup : ICollectionFixture<BunitFixture>
{
    public const string Name = "bUnit";
}
