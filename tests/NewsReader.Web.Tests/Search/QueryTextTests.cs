using NewsReader.Web.Search;

namespace NewsReader.Web.Tests.Search;

public sealed class QueryTextTests
{
    [Theory]
    [InlineData("tesla", "“tesla”")]
    [InlineData("\"Open Infrastructure Foundation\"", "\"Open Infrastructure Foundation\"")]
    [InlineData("“Open Infrastructure Foundation”", "“Open Infrastructure Foundation”")]
    [InlineData("\"chip export\" OR tesla", "\"chip export\" OR tesla")]
    public void Quoted_Query_QuotesItOnlyWhenItHasNoQuotesOfItsOwn(string query, string expected)
    {
        Assert.Equal(expected, QueryText.Quoted(query));
    }
}
