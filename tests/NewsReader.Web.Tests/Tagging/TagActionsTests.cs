using NewsReader.Core.Data;
using NewsReader.Core.Tagging;
using NewsReader.Web.Account;

namespace NewsReader.Web.Tests.Tagging;

public sealed class TagActionsTests
{
    private const string Nvidia = "nvidia-chip-export-rules";

    [Fact]
    public async Task EveryChange_Anonymous_RefusedAndNothingChanged()
    {
        await using var h = await TaggingHarness.CreateAsync();
        var existing = await h.Tagger().AddNamedAsync(Nvidia, "Green Deal", TaggingHarness.Reader);
        h.SignInAs(null);
        var before = await h.DumpAsync();
        var actions = h.Actions();

        await Assert.ThrowsAsync<ActionForbiddenException>(() => actions.AddNamedAsync(Nvidia, "Sneaky"));
        await Assert.ThrowsAsync<ActionForbiddenException>(() => actions.AddExistingAsync(Nvidia, existing.Entity.EntityId));
        await Assert.ThrowsAsync<ActionForbiddenException>(() => actions.RemoveAsync(Nvidia, existing.Entity.EntityId));
        await Assert.ThrowsAsync<ActionForbiddenException>(() => actions.SuggestAsync("gre"));

        Assert.Equal(before, await h.DumpAsync());
        Assert.Contains(await actions.ListAsync(Nvidia) ?? [], t => t.Name == "Green Deal"); // reading stays open
    }

    [Fact]
    public async Task AddNamedAsync_Reader_AddedUnderTheReadersName()
    {
        await using var h = await TaggingHarness.CreateAsync();
        h.SignInAs(TaggingHarness.Reader);

        var change = await h.Actions().AddNamedAsync(Nvidia, "Trade war");

        Assert.Equal(TagOutcome.Added, change.Outcome);
        var tag = Assert.Single(await h.Actions().ListAsync(Nvidia) ?? [], t => t.Kind == EntityKind.Tag);
        Assert.Equal(("Trade war", TaggingHarness.Reader), (tag.Name, tag.AddedBy));
        Assert.Contains(await h.Actions().SuggestAsync("trade"), s => s.Name == "Trade war");
    }

    [Fact]
    public async Task RemoveAsync_Admin_TombstoneRecordsTheAdmin()
    {
        await using var h = await TaggingHarness.CreateAsync();
        h.SignInAs(TaggingHarness.Admin);
        var nvidia = Assert.Single(await h.Actions().ListAsync(Nvidia) ?? [], t => t.Name == "Nvidia");

        var change = await h.Actions().RemoveAsync(Nvidia, nvidia.EntityId);

        Assert.Equal(TagOutcome.Removed, change.Outcome);
        Assert.DoesNotContain(await h.Actions().ListAsync(Nvidia) ?? [], t => t.Name == "Nvidia");
        Assert.Contains($"|{TaggingHarness.Admin}\n", await h.DumpAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddExistingAsync_Reader_LinksAnExistingCountry()
    {
        await using var h = await TaggingHarness.CreateAsync();
        h.SignInAs(TaggingHarness.Reader);
        var japan = Assert.Single(await h.Actions().SuggestAsync("jap"));

        var change = await h.Actions().AddExistingAsync(Nvidia, japan.EntityId);

        Assert.Equal((TagOutcome.Added, EntityKind.Country), (change.Outcome, change.Entity.Kind));
        var link = Assert.Single(await h.Actions().ListAsync(Nvidia) ?? [], t => t.Name == "Japan");
        Assert.Equal((LinkOrigin.Person, TaggingHarness.Reader), (link.Origin, link.AddedBy));
    }
}
