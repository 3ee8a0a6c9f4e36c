using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsReader.Core.Curation;
using NewsReader.Core.Extraction;
using NewsReader.Web.Admin.Boundaries;
using NewsReader.Web.Admin.Entities;
using NewsReader.Web.Admin.Stories;

namespace NewsReader.Web.Admin;

/// <summary>Registers the admin's corrections: the Core curators and the web services that check the role first.</summary>
public static class CurationSetup
{
    public static IServiceCollection AddCuration(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => StoryAnalyzer.LoadDefault());
        services.AddSingleton<StoryCurator>();
        services.AddSingleton<BoundaryCurator>();
        services.AddSingleton<EntityCurator>();
        services.AddScoped<StoryAdmin>();
        services.AddScoped<BoundaryAdmin>();
        services.AddScoped<EntityAdmin>();
        return services;
    }
}
