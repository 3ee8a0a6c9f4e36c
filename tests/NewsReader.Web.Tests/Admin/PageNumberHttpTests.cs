using System.Net;
using NewsReader.Web.Admin;
using NewsReader.Web.Tests.Admin.Importing;

namespace NewsReader.Web.Tests.Admin;

/// <summary>Hostile <c>page=</c> values on the admin lists are read leniently, never a 500 (issue 20).</summary>
public sealed class PageNumberHttpTests
{
    public static TheoryData<string, string> PagesAndValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "/admin/imports", "/admin/stories", "/admin/entities" })
        {
            // As the issue lists them (URL-encoded): %00, a full-width 1, past int.MaxValue, empty; and a few more.
            foreach (var value in new[] { "abc", "1.5", "1e9", "0x10", "%00", "%EF%BC%91", "2147483648", "", "-1", "+1", "%201", "99999999999999999999", "2147483647" })
            {
                data.Add(page, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndValues))]
    public async Task AdminList_BadPageValue_AnswersThePage(string page, string value)
    {
        await using var app = await ImportApp.CreateAsync();
        using var client = app.Client("admin");

        using var response = await client.GetAsync(new Uri($"{page}?page={value}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("0", 0)]
    [InlineData("007", 7)]
    [InlineData("2147483647", PageNumber.Max)]
    [InlineData("abc", null)]
    [InlineData("1.5", null)]
    [InlineData("1e9", null)]
    [InlineData("0x10", null)]
    [InlineData("\0", null)]
    [InlineData("\uFF11", null)]
    [InlineData("2147483648", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("-1", null)]
    [InlineData(" 1", null)]
    public void Parse_Text_PageOrNull(string? text, int? expected) => Assert.Equal(expected, PageNumber.Parse(text));
}
