using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsReader.Core.Data;
using NewsReader.Core.Following;
using NewsReader.Core.Search;
using NewsReader.Core.Stories;

namespace NewsReader.Web.Following;

/// <summary>Registers saved searches and alerts: Core's services, the checked actions, and the webhook dispatcher.</summary>
public static class FollowingSetup
{
    public static IServiceCollection AddFollowing(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(sp => new SavedSearches(sp.GetRequiredService<IDbContextFactory<NewsDbContext>>(), sp.GetService<TimeProvider>(),
            sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateTargets));
        services.TryAddSingleton<StoryTimes>();
        services.AddScoped<SavedSearchActions>();
        services.TryAddSingleton(sp => new AlertInbox(sp.GetRequiredService<IDbContextFactory<NewsDbContext>>(), sp.GetService<TimeProvider>()));
        // The importers of the app (uploads, the seeds folder) match with the app's own search index.
        services.TryAddSingleton(sp => new AlertMatcher(
            sp.GetRequiredService<IDbContextFactory<NewsDbContext>>(), sp.GetRequiredService<StorySearch>(), sp.GetService<TimeProvider>()));
        services.AddScoped<AlertActions>();
        services.TryAddSingleton(sp => new WebhookOutbox(sp.GetRequiredService<IDbContextFactory<NewsDbContext>>(), sp.GetService<TimeProvider>()));
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName));
        services.AddHttpClient(WebhookDispatcher.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookConnector.Handler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateTargets));
        services.TryAddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
