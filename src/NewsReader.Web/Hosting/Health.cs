using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsReader.Core.Data;

namespace NewsReader.Web.Hosting;

/// <summary>
/// Health endpoints for a load balancer: <c>/healthz</c> answers while the process serves requests
/// (liveness, no database call); <c>/readyz</c> answers Healthy only when the store is reachable and
/// every migration is applied (readiness). Plain text, nothing about the database in the body.
/// </summary>
public static class Health
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddReaderHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<StoreReadyCheck>("store", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(5))
            .Services;

    public static WebApplication MapReaderHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return app;
    }
}

/// <summary>The store answers and its schema is the one this build expects.</summary>
internal sealed class StoreReadyCheck(IDbContextFactory<NewsDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("store unreachable", e);
        }
    }
}
