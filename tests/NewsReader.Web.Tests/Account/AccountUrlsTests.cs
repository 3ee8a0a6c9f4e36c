using NewsReader.Web.Account;

namespace NewsReader.Web.Tests.Account;

public sealed class AccountUrlsTests
{
    [Theory]
    [InlineData("/admin", "/admin")]
    [InlineData("/?q=nvidia&company=tencent", "/?q=nvidia&company=tencent")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/ok\n//evil", "/")]
    public void LocalOrHome_KeepsOnlyPathsOnThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, AccountUrls.LocalOrHome(returnUrl));

    [Fact]
    public void SignInFor_EscapesTheReturnUrl() =>
        Assert.Equal("/account/sign-in?ReturnUrl=%2F%3Fq%3Da%26b", AccountUrls.SignInFor("/?q=a&b"));
}
