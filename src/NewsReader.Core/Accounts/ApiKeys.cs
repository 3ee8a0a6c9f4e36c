using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Core.Accounts;

/// <summary>An API key as its owner sees it in the list (never the key itself).</summary>
public sealed record ApiKeyInfo(long Id, string Name, string Prefix, DateTime CreatedAt);

/// <summary>A key just made: <see cref="Secret"/> is shown to its owner once and stored only as a hash.</summary>
public sealed record NewApiKey(ApiKeyInfo Info, string Secret);

/// <summary>Refused API key changes (a name too long, too many keys); the message is safe to show.</summary>
public sealed class ApiKeyException : Exception
{
    public ApiKeyException()
    {
    }

    public ApiKeyException(string message)
        : base(message)
    {
    }

    public ApiKeyException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>The limits on API keys.</summary>
public static class ApiKeyRules
{
    public const int MaxNameLength = ApiKey.MaxNameLength;

    /// <summary>Live (not revoked) keys one account may hold.</summary>
    public const int MaxKeysPerUser = 20;

    /// <summary>What every key starts with, so one found in a log or a paste is recognisable.</summary>
    public const string KeyStart = "nr_";
}

/// <summary>
/// Readers' API keys: made with 256 random bits, shown once, stored as SHA-256 (a key this long
/// needs no slow hash: guessing is hopeless, and a stolen table holds no usable key), revoked at once.
/// </summary>
public sealed class ApiKeys(IDbContextFactory<NewsDbContext> factory, TimeProvider? clock = null)
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Makes a key for a user.</summary>
    /// <exception cref="ApiKeyException">No usable name, or the user holds <see cref="ApiKeyRules.MaxKeysPerUser"/> keys.</exception>
    public async Task<NewApiKey> CreateAsync(string userId, string? name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var clean = (name ?? string.Empty).Trim();
        if (clean.Length == 0)
        {
            throw new ApiKeyException("Give the key a name, so you can tell it from your others.");
        }

        if (clean.Length > ApiKeyRules.MaxNameLength || clean.Any(char.IsControl))
        {
            throw new ApiKeyException($"A key's name is at most {ApiKeyRules.MaxNameLength} characters, without control characters.");
        }

        var secret = ApiKeyRules.KeyStart + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            UserId = userId,
            Name = clean,
            Prefix = secret[..10],
            Hash = HashOf(secret),
            CreatedAt = _clock.GetUtcNow().UtcDateTime,
        };
        await Write(async db =>
        {
            if (await db.ApiKeys.CountAsync(k => k.UserId == userId && k.RevokedAt == null, ct) >= ApiKeyRules.MaxKeysPerUser)
            {
                throw new ApiKeyException($"An account holds at most {ApiKeyRules.MaxKeysPerUser} keys: revoke one first.");
            }

            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(ct);
        }, ct);
        return new NewApiKey(new ApiKeyInfo(key.Id, key.Name, key.Prefix, key.CreatedAt), secret);
    }

    /// <summary>A user's live keys, newest first.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.ApiKeys.AsNoTracking()
            .Where(k => k.UserId == userId && k.RevokedAt == null)
            .OrderByDescending(k => k.Id)
            .Select(k => new { k.Id, k.Name, k.Prefix, k.CreatedAt })
            .ToListAsync(ct);
        return rows.Select(r => new ApiKeyInfo(r.Id, r.Name, r.Prefix, DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc))).ToList();
    }

    /// <summary>Revokes one of the user's keys; false when the user has no such live key (another's key included).</summary>
    public async Task<bool> RevokeAsync(string userId, long id, CancellationToken ct = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        await Write(async db => changed = await db.ApiKeys
            .Where(k => k.Id == id && k.UserId == userId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct), ct);
        return changed > 0;
    }

    /// <summary>The id of the user a presented key acts for, or null for an unknown or revoked key or a locked-out or deleted account.</summary>
    public async Task<string?> ResolveAsync(string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 200 || !secret.StartsWith(ApiKeyRules.KeyStart, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = HashOf(secret);
        var now = _clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Join(db.Users, k => k.UserId, u => u.Id, (k, u) => new { u.Id, u.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        // Compared here: SQLite stores DateTimeOffset as text that does not order by instant.
        return owner is null || (owner.LockoutEnd is { } end && end > now) ? null : owner.Id;
    }

    private Task Write(Func<NewsDbContext, Task> work, CancellationToken ct) => StoreWrite.RunAsync(factory, LockWait, work, ct);

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
