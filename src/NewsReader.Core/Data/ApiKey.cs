namespace NewsReader.Core.Data;

/// <summary>A reader's key to the read API: only its SHA-256 is stored; the key itself is shown once when made.</summary>
public sealed class ApiKey
{
    public const int MaxNameLength = 100;

    public long Id { get; set; }

    /// <summary>The Identity user the key acts for.</summary>
    public required string UserId { get; set; }

    /// <summary>What the reader called it ("feed script", "laptop").</summary>
    public required string Name { get; set; }

    /// <summary>The key's first characters, so the reader can tell keys apart; not enough to use it.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 (hex) of the whole key; unique.</summary>
    public required string Hash { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the reader revoked the key; from then on it opens nothing.</summary>
    public DateTime? RevokedAt { get; set; }
}
