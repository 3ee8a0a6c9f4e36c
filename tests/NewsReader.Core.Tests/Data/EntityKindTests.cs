using NewsReader.Core.Data;

namespace NewsReader.Core.Tests.Data;

/// <summary>The one kind type's words: the search language and URLs read and write the same ones.</summary>
public sealed class EntityKindTests
{
    [Fact]
    public void FromKey_EachKindsKey_ThatKind()
    {
        Assert.Equal([EntityKind.Company, EntityKind.Country, EntityKind.Topic, EntityKind.Tag], EntityKind.All);
        Assert.All(EntityKind.All, k => Assert.Equal(k, EntityKind.FromKey(k.Key)));
        Assert.Equal(["company", "country", "topic", "tag"], EntityKind.All.Select(k => k.Key));
    }

    [Theory]
    [InlineData("COMPANY", EntityKind.Company)]
    [InlineData("Tag", EntityKind.Tag)]
    [InlineData("companies", null)]
    [InlineData("", null)]
    [InlineData("person", null)]
    public void FromKey_AnyCaseOrUnknown_TheKindOrNull(string key, EntityKind? expected) =>
        Assert.Equal(expected, EntityKind.FromKey(key));
}
