using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Extraction;
using NewsReader.Core.Stories;
using NewsReader.Core.Tagging;

namespace NewsReader.Web.Tagging;

/// <summary>Registers tagging: Core's <see cref="StoryTagger"/> and the checked <see cref="TagActions"/>.</summary>
public static class TaggingSetup
{
    /// <summary>Adds the tagger (one per app: it holds no state) and the per-circuit actions.</summary>
    public static IServiceCollection AddTagging(this IServiceCollection services)
    {
        services.AddSingleton(sp => new StoryTagger(
            sp.GetRequiredService<IDbContextFactory<NewsDbContext>>(), sp.GetService<TimeProvider>(), sp.GetService<StoryAnalyzer>()));
        // A story's tags are read through the read cache.
        services.AddStoryReader();
        services.AddScoped<TagActions>();
        return services;
    }
}
