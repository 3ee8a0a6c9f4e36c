namespace NewsReader.Core.Data;

/// <summary>Where a webhook delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed; not tried again.</summary>
    Failed,
}

/// <summary>
/// One POST of a saved search's matches from one import to its webhook: retried with backoff until
/// delivered or out of attempts; its last status is what the reader sees.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    public long SavedSearchId { get; set; }

    /// <summary>The import run whose matches it carries.</summary>
    public long ImportRunId { get; set; }

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When it is due next (while pending).</summary>
    public DateTime NextAttemptAt { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    /// <summary>What the last attempt got: "200 OK", "503 Service Unavailable", "timed out after 10 s", "connection refused"...</summary>
    public string? LastResult { get; set; }
}
