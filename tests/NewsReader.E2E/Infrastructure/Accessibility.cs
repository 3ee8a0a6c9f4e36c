using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NewsReader.E2E.Infrastructure;

/// <summary>axe-core checks through Deque.AxeCore.Playwright.</summary>
internal static class Accessibility
{
    // CSS transitions (MudBlazor eases a button's colours over 250 ms when the theme flips) show in
    // document.getAnimations(); axe measuring half-way through one sees a colour that is never at rest
    // (a light button background under dark-theme text). Endless ones (spinners) never settle.
    private const string Settled =
        "() => document.getAnimations().every(a => a.playState !== 'running'"
        + " || a.effect?.getComputedTiming().iterations === Infinity)";

    /// <summary>Fails with a readable list when axe finds serious or critical violations on the page, once its transitions have ended.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        await page.WaitForFunctionAsync(Settled);
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join('\n', serious));
    }
}
