using NewsReader.Core.Reading;

namespace NewsReader.Core.Tests.Reading;

public class LineListTests
{
    [Fact]
    public void Add_AcrossSeveralBlocks_KeepsOrderAndCount()
    {
        var lines = new LineList();
        for (var i = 0; i < 70_000; i++)
        {
            lines.Add(i % 3 == 0 ? string.Empty : i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(70_000, lines.Count);
        Assert.Equal("4096", lines[4096]);
        Assert.Equal("69998", lines[69_998]);
        Assert.Equal(string.Empty, lines[69_999]);
        var enumerated = new List<string>();
        foreach (var line in lines)
        {
            enumerated.Add(line);
        }

        Assert.Equal(70_000, enumerated.Count);
        Assert.Equal("69998", enumerated[69_998]);
    }

    [Fact]
    public void Indexer_PastTheEnd_Throws()
    {
        var lines = new LineList();
        lines.Add("one");

        Assert.Throws<ArgumentOutOfRangeException>(() => lines[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => lines[-1]);
    }
}
