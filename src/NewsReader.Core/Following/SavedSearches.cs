using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Core.Following;

/// <summary>A saved search as its owner sees it.</summary>
/// <param name="View">The list's query string (<c>q=…&amp;company=…</c>), empty for the latest stories.</param>
/// <param name="HasFeed">A private feed token is set (the token itself is shown once, when made).</param>
/// <param name="AlertsOn">New stories of each import are matched against it.</param>
/// <param name="WebhookUrl">Where its matches are POSTed, or null.</param>
/// <param name="LastDelivery">The latest webhook delivery (filled by <see cref="SavedSearches.ListAsync"/>), or null.</param>
public sealed record SavedSearchInfo(
    long Id, string Name, string View, DateTime CreatedAt, DateTime LastOpenedAt, bool HasFeed,
    bool AlertsOn = false, string? WebhookUrl = null, WebhookDeliveryInfo? LastDelivery = null);

/// <summary>A webhook delivery as its reader sees it: where it stands, tries so far, and what the last one got.</summary>
public sealed record WebhookDeliveryInfo(WebhookDeliveryStatus Status, int Attempts, DateTime CreatedAt, DateTime? LastAttemptAt, string? LastResult);

/// <summary>A webhook just set: <see cref="Secret"/> signs every POST; it is shown once.</summary>
public sealed record NewWebhook(string Url, string Secret);

/// <summary>Refused saved-search changes (no name, too many); the message is safe to show.</summary>
public sealed class SavedSearchException : Exception
{
    public SavedSearchException()
    {
    }

    public SavedSearchException(string message)
        : base(message)
    {
    }

    public SavedSearchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// Readers' saved searches: each reader's own (every call names the user, and another reader's id is
/// simply not found), with a private feed token made of 256 random bits, stored as SHA-256, revocable.
/// <c>allowPrivateWebhooks</c>: webhook addresses may be private, loopback or link-local IPs (setting
/// <see cref="WebhookUrls.AllowPrivateSetting"/>).
/// </summary>
public sealed class SavedSearches(IDbContextFactory<NewsDbContext> factory, TimeProvider? clock = null, bool allowPrivateWebhooks = false)
{
    public const int MaxNameLength = SavedSearch.MaxNameLength;
    public const int MaxViewLength = SavedSearch.MaxViewLength;
    public const int MaxPerUser = 100;

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Saves a view under a name; it counts as opened now.</summary>
    /// <exception cref="SavedSearchException">No usable name, too long a view, or the user holds <see cref="MaxPerUser"/>.</exception>
    public Task<SavedSearchInfo> SaveAsync(string userId, string? name, string view, CancellationToken ct = default) =>
        SaveAsync(userId, name, view, alertsOn: false, ct);

    /// <summary>Saves a view under a name, with alerts on or off; it counts as opened now.</summary>
    /// <exception cref="SavedSearchException">No usable name, too long a view, or the user holds <see cref="MaxPerUser"/>.</exception>
    public async Task<SavedSearchInfo> SaveAsync(string userId, string? name, string view, bool alertsOn, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(view);
        var clean = CleanName(name);
        if (view.Length > MaxViewLength)
        {
            throw new SavedSearchException("This view is too long to save.");
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var saved = new SavedSearch { UserId = userId, Name = clean, View = view, CreatedAt = now, LastOpenedAt = now, AlertsOn = alertsOn };
        await WriteAsync(async db =>
        {
            if (await db.SavedSearches.CountAsync(s => s.UserId == userId, ct) >= MaxPerUser)
            {
                throw new SavedSearchException($"You can keep at most {MaxPerUser} saved searches: delete one first.");
            }

            db.SavedSearches.Add(saved);
            await db.SaveChangesAsync(ct);
        }, ct);
        return Info(saved);
    }

    /// <summary>The user's saved searches, by name, each with its latest webhook delivery.</summary>
    public async Task<IReadOnlyList<SavedSearchInfo>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(ct);
        var hooked = rows.Where(r => r.WebhookUrl is not null).Select(r => r.Id).ToList();
        var latestIds = await db.WebhookDeliveries.Where(d => hooked.Contains(d.SavedSearchId))
            .GroupBy(d => d.SavedSearchId).Select(g => g.Max(d => d.Id)).ToListAsync(ct);
        var latest = (await db.WebhookDeliveries.AsNoTracking().Where(d => latestIds.Contains(d.Id)).ToListAsync(ct))
            .ToDictionary(d => d.SavedSearchId, d => new WebhookDeliveryInfo(
                d.Status, d.Attempts, Utc(d.CreatedAt), d.LastAttemptAt is { } at ? Utc(at) : null, d.LastResult));
        return rows.Select(r => Info(r) with { LastDelivery = latest.GetValueOrDefault(r.Id) })
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.Id).ToList();
    }

    /// <summary>Turns alerts on or off; false when the user has no such saved search.</summary>
    public Task<bool> SetAlertsAsync(string userId, long id, bool on, CancellationToken ct = default) =>
        UpdateAsync(userId, id, s => s.SetProperty(x => x.AlertsOn, on), ct);

    /// <summary>
    /// Alerts for one entity's stories: the user's saved search of exactly that view gets alerts on,
    /// or a new one named after the entity is saved with alerts on.
    /// </summary>
    /// <returns>The saved search, and whether it was made now.</returns>
    /// <exception cref="SavedSearchException">A new one is needed and the user holds <see cref="MaxPerUser"/>.</exception>
    public async Task<(SavedSearchInfo Search, bool Created)> AlertOnEntityAsync(string userId, EntityKind kind, string slug, string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var view = SavedView.OfEntity(kind, slug);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var existing = await db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId && s.View == view).OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                await SetAlertsAsync(userId, existing.Id, true, ct);
                return (Info(existing) with { AlertsOn = true }, false);
            }
        }

        return (await SaveAsync(userId, name.Length > MaxNameLength ? name[..MaxNameLength] : name, view, alertsOn: true, ct), true);
    }

    /// <summary>Sets where matches are POSTed, with a new signing secret (returned once), and turns alerts on with it; null when the user has no such saved search.</summary>
    /// <exception cref="SavedSearchException">The address is not a usable webhook address (<see cref="WebhookUrls"/>).</exception>
    public async Task<NewWebhook?> SetWebhookAsync(string userId, long id, string? url, CancellationToken ct = default)
    {
        var clean = url?.Trim();
        if (WebhookUrls.Problem(clean, allowPrivateWebhooks) is { } problem)
        {
            throw new SavedSearchException(problem);
        }

        var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return await UpdateAsync(userId, id, s => s.SetProperty(x => x.WebhookUrl, clean).SetProperty(x => x.WebhookSecret, secret).SetProperty(x => x.AlertsOn, true), ct)
            ? new NewWebhook(clean!, secret)
            : null;
    }

    /// <summary>Stops POSTing matches; false when the user has no such saved search.</summary>
    public Task<bool> RemoveWebhookAsync(string userId, long id, CancellationToken ct = default) =>
        UpdateAsync(userId, id, s => s.SetProperty(x => x.WebhookUrl, (string?)null).SetProperty(x => x.WebhookSecret, (string?)null), ct);

    /// <summary>One of the user's saved searches, or null (another reader's included).</summary>
    public async Task<SavedSearchInfo?> GetAsync(string userId, long id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.SavedSearches.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, ct);
        return row is null ? null : Info(row);
    }

    /// <summary>Renames one; false when the user has no such saved search.</summary>
    /// <exception cref="SavedSearchException">No usable name.</exception>
    public Task<bool> RenameAsync(string userId, long id, string? name, CancellationToken ct = default)
    {
        var clean = CleanName(name);
        return UpdateAsync(userId, id, s => s.SetProperty(x => x.Name, clean), ct);
    }

    /// <summary>Marks one opened now (its new-story count starts again); false when the user has no such saved search.</summary>
    public Task<bool> MarkOpenedAsync(string userId, long id, CancellationToken ct = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return UpdateAsync(userId, id, s => s.SetProperty(x => x.LastOpenedAt, now), ct);
    }

    /// <summary>Deletes one (its feed token stops working with it); false when the user has no such saved search.</summary>
    public async Task<bool> DeleteAsync(string userId, long id, CancellationToken ct = default)
    {
        var changed = 0;
        await WriteAsync(async db => changed = await db.SavedSearches.Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(ct), ct);
        return changed > 0;
    }

    /// <summary>Makes a new private feed token (any earlier one stops working); null when the user has no such saved search.</summary>
    public async Task<string?> NewFeedTokenAsync(string userId, long id, CancellationToken ct = default)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var hash = HashOf(token);
        return await UpdateAsync(userId, id, s => s.SetProperty(x => x.FeedTokenHash, hash), ct) ? token : null;
    }

    /// <summary>Turns the private feed off; false when the user has no such saved search.</summary>
    public Task<bool> RevokeFeedTokenAsync(string userId, long id, CancellationToken ct = default) =>
        UpdateAsync(userId, id, s => s.SetProperty(x => x.FeedTokenHash, (string?)null), ct);

    /// <summary>The saved search a feed token opens, or null for an unknown or revoked token.</summary>
    public async Task<SavedSearchInfo?> ByFeedTokenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = HashOf(token);
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.SavedSearches.AsNoTracking().FirstOrDefaultAsync(s => s.FeedTokenHash == hash, ct);
        return row is null ? null : Info(row);
    }

    private async Task<bool> UpdateAsync(
        string userId, long id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<SavedSearch>> set, CancellationToken ct)
    {
        var changed = 0;
        await WriteAsync(async db => changed = await db.SavedSearches.Where(s => s.Id == id && s.UserId == userId).ExecuteUpdateAsync(set, ct), ct);
        return changed > 0;
    }

    private Task WriteAsync(Func<NewsDbContext, Task> work, CancellationToken ct) => StoreWrite.RunAsync(factory, LockWait, work, ct);

    private static string CleanName(string? name)
    {
        var clean = (name ?? string.Empty).Trim();
        if (clean.Length == 0)
        {
            throw new SavedSearchException("Give the search a name.");
        }

        if (clean.Length > MaxNameLength || clean.Any(char.IsControl))
        {
            throw new SavedSearchException($"A name is at most {MaxNameLength} characters, without control characters.");
        }

        return clean;
    }

    private static SavedSearchInfo Info(SavedSearch s) => new(
        s.Id, s.Name, s.View, Utc(s.CreatedAt), Utc(s.LastOpenedAt), s.FeedTokenHash is not null, s.AlertsOn, s.WebhookUrl);

    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
