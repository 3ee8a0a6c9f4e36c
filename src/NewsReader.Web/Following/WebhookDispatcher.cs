using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsReader.Core.Data;
using NewsReader.Core.Following;

namespace NewsReader.Web.Following;

/// <summary>The JSON a webhook receives: the saved search and the new stories of one import that matched it.</summary>
public sealed record WebhookPayload(string Event, long DeliveryId, int Attempt, WebhookSearch SavedSearch, long ImportRun, int Total, IReadOnlyList<WebhookPayloadStory> Stories);

/// <summary>The saved search in a webhook's JSON.</summary>
public sealed record WebhookSearch(long Id, string Name, string View, string Url);

/// <summary>A story in a webhook's JSON.</summary>
public sealed record WebhookPayloadStory(string Slug, string Headline, string Summary, string Url, DateTime AddedAt);

/// <summary>
/// Delivers saved searches' matches to their webhooks in the background: polls the store for due
/// deliveries into a bounded in-memory queue, POSTs each as JSON signed with the search's secret
/// (<c>X-NewsReader-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>) with a short timeout,
/// and logs every try (<see cref="WebhookOutbox"/>: retried with exponential backoff, then failed).
/// Imports only write pending rows, so a slow or failing receiver never holds one up.
/// </summary>
public sealed partial class WebhookDispatcher(
    WebhookOutbox queue, IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string ClientName = "webhooks";
    public const string SignatureHeader = "X-NewsReader-Signature";
    public const string EventName = "saved-search.matches";

    private readonly WebhookOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var capacity = Math.Max(1, _options.QueueCapacity);
        var channel = Channel.CreateBounded<WebhookJob>(new BoundedChannelOptions(capacity) { SingleWriter = true });
        var workers = Enumerable.Range(0, Math.Max(1, _options.Concurrency))
            .Select(_ => Task.Run(() => WorkAsync(channel.Reader, stoppingToken), CancellationToken.None))
            .ToList();
        var lease = TimeSpan.FromSeconds(_options.TimeoutSeconds + 60);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // Never more than the queue holds: the rest stay due in the store.
                    foreach (var job in await queue.ClaimDueAsync(capacity - channel.Reader.Count, lease, stoppingToken))
                    {
                        await channel.Writer.WriteAsync(job, stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPollFailed(logger, e);
                }

                await Task.Delay(TimeSpan.FromSeconds(Math.Max(0.05, _options.PollSeconds)), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a claimed delivery not yet sent is due again when its lease ends.
        }
        finally
        {
            channel.Writer.TryComplete();
            await Task.WhenAll(workers);
        }
    }

    private async Task WorkAsync(ChannelReader<WebhookJob> jobs, CancellationToken ct)
    {
        try
        {
            await foreach (var job in jobs.ReadAllAsync(ct))
            {
                await DeliverAsync(job, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>One try of one delivery, logged in the store whatever happens.</summary>
    internal async Task DeliverAsync(WebhookJob job, CancellationToken ct)
    {
        var body = Body(job);
        string result;
        var delivered = false;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(0.1, _options.TimeoutSeconds)));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, job.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(SignatureHeader, Signature(job.Secret, body));
            request.Headers.Add("X-NewsReader-Event", EventName);
            request.Headers.Add("X-NewsReader-Delivery", job.DeliveryId.ToString(CultureInfo.InvariantCulture));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("NewsReader-Webhooks", "1"));
            using var client = clients.CreateClient(ClientName);
            client.Timeout = Timeout.InfiniteTimeSpan;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            delivered = response.IsSuccessStatusCode;
            result = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.ReasonPhrase}").Trim();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            result = string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.TimeoutSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            result = "could not connect: " + e.Message;
        }

        var status = await queue.RecordAsync(job.DeliveryId, delivered, result, _options.MaxAttempts, TimeSpan.FromSeconds(_options.FirstRetrySeconds), CancellationToken.None);
        LogDelivery(logger, job.DeliveryId, job.SavedSearchId, job.Attempt, result, status);
    }

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of <paramref name="body"/> keyed with the secret's UTF-8 bytes.</summary>
    public static string Signature(string secret, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));
    }

    private byte[] Body(WebhookJob job)
    {
        var root = _options.PublicBaseUrl is { Length: > 0 } url ? url.TrimEnd('/') : string.Empty;
        var payload = new WebhookPayload(
            EventName, job.DeliveryId, job.Attempt,
            new WebhookSearch(job.SavedSearchId, job.SearchName, job.View, root + "/" + (job.View.Length == 0 ? string.Empty : "?" + job.View)),
            job.ImportRunId, job.Total,
            job.Stories.Select(s => new WebhookPayloadStory(s.Slug, s.Headline, s.Summary, root + "/articles/" + Uri.EscapeDataString(s.Slug), s.AddedAt)).ToList());
        return JsonSerializer.SerializeToUtf8Bytes(payload, JsonSerializerOptions.Web);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhooks: could not read the due deliveries")]
    private static partial void LogPollFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {Delivery} of saved search {Search}, try {Attempt}: {Result} ({Status})")]
    private static partial void LogDelivery(ILogger logger, long delivery, long search, int attempt, string result, WebhookDeliveryStatus status);
}
