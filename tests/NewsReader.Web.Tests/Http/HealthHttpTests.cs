using System.Net;
using NewsReader.Core.Store;
using NewsReader.Core.Tests.Data;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Http;

/// <summary>/healthz (the process answers) and /readyz (the store answers, every migration applied), on both engines.</summary>
public abstract class HealthHttpTests(StoreEngine engine)
{
    [Fact]
    public async Task Healthz_AppRunning_HealthyWithoutTheStore()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await using var app = TestApp.For(store);
        using var client = app.CreateClient();

        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_MigratedStore_Healthy()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await using var app = TestApp.For(store);
        using var client = app.CreateClient();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_AMigrationNoLongerRecorded_UnhealthyWhileHealthzStaysHealthy()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await using var app = TestApp.For(store);
        using var client = app.CreateClient();
        using (var first = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // As if this build expected a migration the database has not had.
        await using (var db = await store.Factory.CreateDbContextAsync())
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
                "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT max(\"MigrationId\") FROM \"__EFMigrationsHistory\")");
        }

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}

public sealed class HealthHttpSqliteTests() : HealthHttpTests(StoreEngine.Sqlite);

public sealed class HealthHttpPostgresTests() : HealthHttpTests(StoreEngine.Postgres)
{
    [Fact]
    public async Task Readyz_DatabaseGone_Unhealthy()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        await using var app = TestApp.For(store);
        using var client = app.CreateClient();
        using (var first = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var name = new Npgsql.NpgsqlConnectionStringBuilder(store.ConnectionString).Database!;
        await PostgresTestServer.ExecuteAsync($"DROP DATABASE {name} WITH (FORCE)");

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
