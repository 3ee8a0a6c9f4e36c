using Microsoft.AspNetCore.Mvc.Testing;
using NewsReader.Core.Store;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Http;

/// <summary>The app on ASP.NET's test server over a temp store holding <see cref="SampleStories"/> (SQLite; <see cref="PostgresWebAppFixture"/>).</summary>
public class WebAppFixture : IAsyncLifetime
{
    /// <summary>The store's engine.</summary>
    protected virtual StoreEngine Engine => StoreEngine.Sqlite;

    private TestStore? _store;

    public WebApplicationFactory<Program> Factory { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(Engine);
        await SampleStories.AddAllAsync(_store);
        // Tests sign in many times from one address; the rate limit has its own test and host.
        Factory = TestApp.For(_store, b =>
        {
            b.UseSetting("Accounts:SignInPermitLimit", "100000");
            Configure(b);
        });
    }

    /// <summary>Settings of a derived fixture's own.</summary>
    protected virtual void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
    }

    public HttpClient CreateClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppGroup : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web app";
}

/// <summary>The same app and stories on PostgreSQL.</summary>
public sealed class PostgresWebAppFixture : WebAppFixture
{
    protected override StoreEngine Engine => StoreEngine.Postgres;
}

[CollectionDefinition(Name)]
public sealed class PostgresWebAppGroup : ICollectionFixture<PostgresWebAppFixture>
{
    public const string Name = "web app on PostgreSQL";
}
