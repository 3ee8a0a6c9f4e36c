using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsReader.Core.Accounts;
using NewsReader.Core.Importing;
using NewsReader.Core.Store;
using NewsReader.Web.Hosting;

namespace NewsReader.Web.Admin.Importing;

/// <summary>Registers the admin import area: the job queue, background worker, upload endpoint.</summary>
public static class AdminImportsSetup
{
    public static IServiceCollection AddAdminImports(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(AdminImportOptions.SectionName);
        services.Configure<AdminImportOptions>(section);
        var options = section.Get<AdminImportOptions>() ?? new AdminImportOptions();
        var folder = string.IsNullOrWhiteSpace(options.UploadFolder)
            ? Path.Combine(ReaderOptions.DataFolderPath(configuration, environment), "uploads")
            : ReaderOptions.Resolve(environment.ContentRootPath, options.UploadFolder);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new UploadReceiver(folder));
        // SQLite: one instance, the queue in memory; PostgreSQL: the queue in the store, shared by every instance (ADR 0009).
        if (StoreStartup.EngineOf(configuration) == StoreEngine.Sqlite)
        {
            services.AddSingleton<IImportJobs, InProcessImportJobs>();
        }
        else
        {
            services.AddSingleton<IImportJobs, SharedImportJobs>();
        }

        services.AddSingleton<ImportHistory>();
        services.AddScoped<ImportActions>();
        services.AddHostedService<ImportWorker>();
        return services;
    }

    /// <summary>Maps the upload endpoint (Admin role only) and empties the upload folder of an earlier process's files.</summary>
    public static WebApplication MapAdminImports(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<UploadReceiver>().Clear();
        app.MapPost(UploadEndpoint.Path, UploadEndpoint.HandleAsync)
            .RequireAuthorization(p => p.RequireRole(NewsRoles.Admin))
            // The status-code pages would re-run a 401/403/413 as a POST to /not-found, which fails its
            // antiforgery check (400) and hides the real answer; this endpoint's answers carry their own text.
            .WithMetadata(new SkipStatusCodePagesAttribute());
        return app;
    }
}
