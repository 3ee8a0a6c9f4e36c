using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsReader.Core.Store;

namespace NewsReader.Web.Tests.Fixtures;

/// <summary>The app on ASP.NET's test server over a data folder, as it runs in production, without the first-start seed import.</summary>
public static class TestApp
{
    /// <param name="dataFolder">The data folder (store, keys, uploads): usually a <see cref="TestStore"/>'s.</param>
    /// <param name="configure">More settings or test services for this host.</param>
    public static WebApplicationFactory<Program> For(string dataFolder, Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Reader:DataFolder", dataFolder);
            b.UseSetting("Reader:ImportSeedsWhenEmpty", "false");
            configure?.Invoke(b);
        });

    /// <summary>The app over a test store on its engine (its folder is the data folder: keys, uploads).</summary>
    public static WebApplicationFactory<Program> For(TestStore store, Action<IWebHostBuilder>? configure = null) =>
        For(store.Folder, b =>
        {
            if (store.Engine != StoreEngine.Sqlite)
            {
                b.UseSetting("Store:Provider", store.Engine.Name);
                b.UseSetting("ConnectionStrings:News", store.ConnectionString);
            }

            configure?.Invoke(b);
        });
}
