using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Data;
using NewsReader.Core.Dedup;

namespace NewsReader.E2E.Infrastructure;

/// <summary>Stories stored straight into the running app's store, so a test knows their text and entities.</summary>
public static class TestStories
{
    /// <summary>A story linked to one company (or none), stored directly so the test knows its text.</summary>
    public static async Task<long> AddStoryAsync(this AppServer app, string slug, string title, string? company)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        var body = $"{title} was reported today by the desk.\n\nA second paragraph follows.";
        var story = new Story
        {
            Slug = slug, Title = title, Summary = title + ".", Body = body, Fingerprint = TextFingerprint.Of(body),
            SourceFile = slug + ".txt", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, EntityNames = company ?? string.Empty,
        };
        db.Stories.Add(story);
        if (company is not null)
        {
            var key = NameKey.Of(company);
            var entity = await db.Entities.FirstOrDefaultAsync(e => e.Kind == EntityKind.Company && e.Name == company);
            if (entity is null)
            {
                entity = new NewsEntity { Kind = EntityKind.Company, Name = company, Slug = key.Replace(' ', '-') };
                entity.Aliases.Add(new EntityAlias { Kind = EntityKind.Company, Name = company, Key = key });
                db.Entities.Add(entity);
            }

            story.Links.Add(new EntityLink { Entity = entity, About = true, Mentions = 2, Score = 0.9 });
        }

        await db.SaveChangesAsync();
        return story.Id;
    }
}
