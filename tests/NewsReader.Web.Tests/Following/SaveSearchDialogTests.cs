using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NewsReader.Web.Following;

namespace NewsReader.Web.Tests.Following;

/// <summary>The save dialog: it asks for a name, shows why a save was refused, and closes with the name once saved.</summary>
[Collection(BunitGroup.Name)]
public sealed class SaveSearchDialogTests(BunitFixture fixture)
{
    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync(string? name, Func<string, Task<string?>> save)
    {
        var provider = fixture.Context.Render<MudDialogProvider>();
        var service = fixture.Context.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<SaveSearchDialog> { { d => d.Name, name }, { d => d.Save, save } };
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await service.ShowAsync<SaveSearchDialog>("Save this search", parameters));
        return (provider, dialog!);
    }

    [Fact]
    public async Task Save_SuggestedName_SavesItAndClosesWithTheName()
    {
        var saved = new List<string>();
        var (provider, dialog) = await ShowAsync("Results for “tencent”", name =>
        {
            saved.Add(name);
            return Task.FromResult<string?>(null);
        });

        Assert.Equal("Results for “tencent”", provider.Find("input#saved-search-name").GetAttribute("value"));
        await provider.Find("form#save-search-form").SubmitAsync();

        Assert.Equal(["Results for “tencent”"], saved);
        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        Assert.Equal("Results for “tencent”", result.Data);
    }

    [Fact]
    public async Task Save_TypedName_TrimmedAndPassedOn()
    {
        var saved = new List<string>();
        var (provider, dialog) = await ShowAsync("suggested", name =>
        {
            saved.Add(name);
            return Task.FromResult<string?>(null);
        });

        provider.Find("input#saved-search-name").Input("  Chips in China  ");
        await provider.Find("form#save-search-form").SubmitAsync();

        Assert.Equal(["Chips in China"], saved);
        Assert.Equal("Chips in China", (await dialog.Result)!.Data);
    }

    [Fact]
    public async Task Save_EmptyName_AsksForOneAndSavesNothing()
    {
        var calls = 0;
        var (provider, dialog) = await ShowAsync(null, _ =>
        {
            calls++;
            return Task.FromResult<string?>(null);
        });

        await provider.Find("form#save-search-form").SubmitAsync();

        Assert.Equal(0, calls);
        Assert.Equal("Give the search a name.", provider.Find("[role=alert]").TextContent);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Save_Refused_ShowsTheMessageAndStaysOpen()
    {
        var (provider, dialog) = await ShowAsync("mine", _ => Task.FromResult<string?>("You can keep at most 100 saved searches: delete one first."));

        await provider.Find("form#save-search-form").SubmitAsync();

        Assert.Equal("You can keep at most 100 saved searches: delete one first.", provider.Find("[role=alert]").TextContent);
        Assert.False(dialog.Result.IsCompleted);
        Assert.NotNull(provider.Find("input#saved-search-name"));
    }

    [Fact]
    public async Task Cancel_ClosesWithoutSaving()
    {
        var calls = 0;
        var (provider, dialog) = await ShowAsync("mine", _ =>
        {
            calls++;
            return Task.FromResult<string?>(null);
        });

        await provider.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());

        Assert.True((await dialog.Result)!.Canceled);
        Assert.Equal(0, calls);
    }
}
