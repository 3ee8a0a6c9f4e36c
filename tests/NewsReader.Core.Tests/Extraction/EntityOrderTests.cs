using NewsReader.Core.Data;
using NewsReader.Core.Extraction;

namespace NewsReader.Core.Tests.Extraction;

public class EntityOrderTests
{
    private static EntityMention E(string name, bool about, double score, string tag = "") =>
        new(name, EntityKind.Company, about, 1, score, [tag]);

    [Fact]
    public void AboutFirst_MixedList_AboutThenScoreThenName()
    {
        var list = new List<EntityMention> { E("Zeta", false, 9), E("Beta", true, 1), E("Alpha", true, 1), E("Gamma", true, 5) };

        EntityOrder.AboutFirst(list);

        Assert.Equal(["Gamma", "Alpha", "Beta", "Zeta"], list.Select(e => e.Name));
    }

    [Fact]
    public void AboutFirst_FullTies_KeepTheirOrderLikeOrderBy()
    {
        var list = new List<EntityMention> { E("Acme", true, 2, "first"), E("Acme", true, 2, "second"), E("Acme", true, 2, "third") };
        var linq = list.OrderByDescending(e => e.About).ThenByDescending(e => e.Score).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();

        EntityOrder.AboutFirst(list);

        Assert.Equal(linq, list);
        Assert.Equal(["first", "second", "third"], list.Select(e => e.Evidence[0]));
    }

    [Fact]
    public void StableSort_EqualKeys_KeepTheirOrder()
    {
        var items = new[] { (3, "a"), (1, "b"), (3, "c"), (2, "d"), (1, "e") };

        EntityOrder.StableSort<(int Key, string Tag)>(items, static (x, y) => y.Key.CompareTo(x.Key));

        Assert.Equal(["a", "c", "d", "b", "e"], items.Select(x => x.Item2));
    }
}
