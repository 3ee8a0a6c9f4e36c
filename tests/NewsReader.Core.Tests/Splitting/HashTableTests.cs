using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class HashTableTests
{
    [Fact]
    public void GetOrNumber_NewKeys_NumberedFromOneInOrder()
    {
        var table = new HashTable();

        Assert.Equal(1, table.GetOrNumber(42));
        Assert.Equal(2, table.GetOrNumber(-7));
        Assert.Equal(1, table.GetOrNumber(42));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void GetOrNumber_ManyKeys_SurvivesGrowth()
    {
        var table = new HashTable();
        for (var k = 0; k < 10_000; k++)
        {
            Assert.Equal(k + 1, table.GetOrNumber(k * 16777619));
        }

        for (var k = 0; k < 10_000; k++)
        {
            Assert.Equal(k + 1, table.Get(k * 16777619));
        }
    }

    [Fact]
    public void Get_Absent_Zero() => Assert.Equal(0, new HashTable().Get(5));

    [Fact]
    public void Or_SameKeyTwice_CombinesBits()
    {
        var table = new HashTable();
        table.Or(9, 1);
        table.Or(9, 4);

        Assert.Equal(5, table.Get(9));
        Assert.Equal(1, table.Count);
    }
}
