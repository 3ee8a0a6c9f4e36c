namespace NewsReader.Web.Following;

/// <summary>How saved-search webhooks are delivered (section <c>Webhooks</c>); documented in docs/web.md.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>How long one POST may take before it counts as failed.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Tries per delivery, the first included; then it is logged failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the second try; each later wait doubles (30 s, 1, 2, 4 minutes by default).</summary>
    public double FirstRetrySeconds { get; set; } = 30;

    /// <summary>How often the store is asked for deliveries that are due.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Deliveries waiting in memory at most; more stay in the store for the next poll.</summary>
    public int QueueCapacity { get; set; } = 100;

    /// <summary>POSTs at the same time.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// Whether webhooks may reach private, loopback and link-local addresses (off: such an address is
    /// refused when saved, and a name resolving to one is refused when each POST connects). Turn on
    /// only where every reader may reach the server's own network.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>The app's public address (<c>https://news.example.com/</c>) for links in the JSON; without it links are paths.</summary>
    public string? PublicBaseUrl { get; set; }
}
