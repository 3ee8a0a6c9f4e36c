using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NewsReader.E2E.Infrastructure;

/// <summary>axe-core checks through Deque.AxeCore.Playwright.</summary>
internal static class Accessibility
{
    /// <summary>Fails with a readable list when axe finds serious or critical violations on the page.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join('\n', serious));
    }
}
