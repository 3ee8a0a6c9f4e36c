using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsReader.Core.Store;

namespace NewsReader.Web.Tests.Fixtures;

/// <summary>
/// HTTP tests over a store of their own: <see cref="FillAsync"/> adds the stories, then the app runs
/// over that store (without the seed import) for every test of the class.
/// </summary>
public abstract class OwnStoreHttpTests : IAsyncLifetime
{
    private TestStore? _store;
    private WebApplicationFactory<Program>? _factory;

    /// <summary>The store's engine (SQLite unless a derived class says otherwise).</summary>
    protected virtual StoreEngine Engine => StoreEngine.Sqlite;

    /// <summary>Adds the stories the tests read.</summary>
    protected abstract Task FillAsync(TestStore store);

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(Engine);
        await FillAsync(_store);
        _factory = TestApp.For(_store);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>GETs a page, which must answer 200, and parses it.</summary>
    protected async Task<IHtmlDocument> GetAsync(string url)
    {
        using var client = _factory!.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
