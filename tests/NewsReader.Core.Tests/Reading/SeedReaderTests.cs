using System.Text;
using NewsReader.Core.Reading;

namespace NewsReader.Core.Tests.Reading;

public class SeedReaderTests
{
    [Fact]
    public void Read_PlainUtf8_ReturnsLinesInSeedFormat()
    {
        var text = SeedReader.Read(Encoding.UTF8.GetBytes("First paragraph.\n\nSecond one."), "a.txt");

        Assert.Equal(SeedFormat.Seed, text.Format);
        Assert.Equal(["First paragraph.", "", "Second one."], text.Lines);
    }
}
