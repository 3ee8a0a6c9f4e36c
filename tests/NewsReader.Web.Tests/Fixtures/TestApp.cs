using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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
}
