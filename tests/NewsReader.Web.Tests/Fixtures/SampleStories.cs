using NewsReader.Core.Data;

namespace NewsReader.Web.Tests.Fixtures;

/// <summary>A small hand-written set of stories for the HTTP tests and the reader tests.</summary>
public static class SampleStories
{
    public const string HostileSlug = "hostile-story";

    public static async Task AddAllAsync(TestStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        await store.AddStoryAsync(
            "tencent-leads-vspn-round", "Tencent leads $100 million round in esports firm VSPN",
            "VSPN raised close to $100 million in a Series B round led by Tencent.\n\n## Plans\n\nThe money goes to esports venues in China.",
            age: 0,
            entities: [(EntityKind.Company, "Tencent", true), (EntityKind.Company, "VSPN", true),
                (EntityKind.Country, "China", true), (EntityKind.Topic, "Funding", true)]);
        await store.AddStoryAsync(
            "nvidia-chip-export-rules", "Nvidia faces new chip export rules",
            "New rules limit chip exports to China.\n\nNvidia said sales would fall.",
            age: 1,
            entities: [(EntityKind.Company, "Nvidia", true), (EntityKind.Country, "China", false),
                (EntityKind.Country, "United States", true), (EntityKind.Topic, "Semiconductors", true)]);
        await store.AddStoryAsync(
            "alibaba-cloud-results", "Alibaba cloud revenue grows",
            "Alibaba reported cloud growth in China and Japan.\n\nTencent was mentioned as a rival.",
            age: 2,
            entities: [(EntityKind.Company, "Alibaba", true), (EntityKind.Company, "Tencent", false),
                (EntityKind.Country, "China", true), (EntityKind.Country, "Japan", false)]);
        await store.AddStoryAsync(
            HostileSlug, "<script>alert('headline')</script> Hostile headline",
            "Text with <script>alert('body')</script> and <img src=x onerror=alert(1)> and [click](javascript:alert(1)).",
            age: 3,
            entities: [(EntityKind.Company, "<b>Evil</b> Corp", true)]);
    }
}
