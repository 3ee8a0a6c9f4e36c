using NewsReader.Core.Data;
using NewsReader.Web.Entities;

namespace NewsReader.Web.Tests.Entities;

/// <summary>The web app's names for each kind: labels, page paths, and the way back from a path.</summary>
public sealed class EntityKindLabelsTests
{
    [Fact]
    public void FromPathSegment_EachKindsSegment_ThatKind()
    {
        Assert.All(EntityKind.All, k => Assert.Equal(k, EntityKind.FromPathSegment(k.PathSegment)));
        Assert.Equal(["companies", "countries", "topics", "tags"], EntityKind.All.Select(k => k.PathSegment));
        Assert.Null(EntityKind.FromPathSegment("company"));
        Assert.Null(EntityKind.FromPathSegment(null));
    }

    [Fact]
    public void PageUrl_SlugNeedingEscapes_Escaped()
    {
        Assert.Equal("/countries/c%C3%B4te-d-ivoire", EntityKind.Country.PageUrl("côte-d-ivoire"));
        Assert.Equal("/tags", EntityKind.Tag.DirectoryUrl);
        Assert.Equal("1 company", EntityKind.Company.Count(1));
        Assert.Equal("2 countries", EntityKind.Country.Count(2));
    }
}
