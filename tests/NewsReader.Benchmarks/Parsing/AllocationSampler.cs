using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace NewsReader.Benchmarks.Parsing;

/// <summary>Counts the runtime's allocation samples (one per ~100 KB allocated) by type name: a poor man's allocation profile.</summary>
internal sealed class AllocationSampler : EventListener
{
    public ConcurrentDictionary<string, long> Bytes { get; } = new(StringComparer.Ordinal);

    public bool Enabled { get; set; }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Enabled || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var name = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        Bytes.AddOrUpdate(name, amount, (_, v) => v + amount);
    }
}
