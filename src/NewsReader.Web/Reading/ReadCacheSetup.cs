using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsReader.Core.Search;

namespace NewsReader.Web.Reading;

/// <summary>Registers the read cache and the search whose store version keys it.</summary>
public static class ReadCacheSetup
{
    /// <summary>
    /// Adds one <see cref="StorySearch"/> and one <see cref="ReadCache"/> for the app, whichever
    /// feature asks first (the reader's store setup, tagging); later calls change nothing.
    /// </summary>
    public static IServiceCollection AddReadCache(this IServiceCollection services)
    {
        services.TryAddSingleton<StorySearch>();
        services.TryAddSingleton<ReadCache>();
        return services;
    }
}
