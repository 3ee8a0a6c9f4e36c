using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsReader.Core.Search;

namespace NewsReader.Core.Stories;

/// <summary>Registers the read side: the search, the read cache keyed by its store version, and the reader.</summary>
public static class ReadSetup
{
    /// <summary>
    /// Adds one <see cref="StorySearch"/>, one <see cref="ReadCache"/> and one <see cref="StoryReader"/>
    /// for the app, whichever feature asks first (the reader's store setup, tagging); later calls
    /// change nothing. Options come from <see cref="ReadOptions"/> (configure them before or after).
    /// </summary>
    public static IServiceCollection AddStoryReader(this IServiceCollection services)
    {
        services.TryAddSingleton<StorySearch>();
        services.TryAddSingleton<ReadCache>();
        services.TryAddSingleton<StoryReader>();
        return services;
    }
}
