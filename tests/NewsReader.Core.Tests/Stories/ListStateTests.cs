using NewsReader.Core.Data;
using NewsReader.Core.Stories;

namespace NewsReader.Core.Tests.Stories;

public sealed class ListStateTests
{
    [Fact]
    public void Toggle_NewValue_AddsItAndResetsCursor()
    {
        var state = ListState.From("chips", ["nvidia"], null, null, "cursor");

        var next = state.Toggle(EntityKind.Country, "china");

        Assert.Equal(["china"], next.Countries);
        Assert.Equal(["nvidia"], next.Companies);
        Assert.Null(next.After);
    }

    [Fact]
    public void Toggle_SelectedValue_RemovesIt()
    {
        var state = ListState.From(null, ["nvidia", "tencent"], null, null, null);

        Assert.Equal(["tencent"], state.Toggle(EntityKind.Company, "NVIDIA").Companies);
    }

    [Fact]
    public void From_BlankAndRepeatedValues_AreCleaned()
    {
        var state = ListState.From("  ", ["a", " ", "A", "b "], null, [], "");

        Assert.Null(state.Query);
        Assert.Equal(["a", "b"], state.Companies);
        Assert.Null(state.After);
        Assert.True(state.HasFilters);
    }

    [Fact]
    public void ToParameters_EmptyParts_AreRemovedFromTheUrl()
    {
        var parameters = ListState.Empty.ToParameters();

        Assert.All(parameters.Values, Assert.Null);
    }
}
