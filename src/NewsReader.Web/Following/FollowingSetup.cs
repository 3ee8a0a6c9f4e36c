using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsReader.Core.Data;
using NewsReader.Core.Following;
using NewsReader.Core.Stories;

namespace NewsReader.Web.Following;

/// <summary>Registers saved searches: Core's <see cref="SavedSearches"/> and the checked <see cref="SavedSearchActions"/>.</summary>
public static class FollowingSetup
{
    public static IServiceCollection AddFollowing(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new SavedSearches(sp.GetRequiredService<IDbContextFactory<NewsDbContext>>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<StoryTimes>();
        services.AddScoped<SavedSearchActions>();
        return services;
    }
}
