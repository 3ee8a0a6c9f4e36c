using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using NewsReader.Core.Data;
using NewsReader.Web.Entities;

namespace NewsReader.Web.Stories;

/// <summary>
/// An entity chip that is only a link: the markup MudBlazor's <c>MudChip</c> writes for a chip with
/// an <c>Href</c> (same classes, so the same look and focus ring), without a component per chip. A
/// list page shows about a hundred chips, and a <c>MudChip</c> each (state container, attribute
/// dictionary, a GUID id) was a tenth of the home page's server CPU.
/// </summary>
public static class ChipLink
{
    /// <summary>A chip linking to <paramref name="href"/>; filled for an entity a story is about, outlined otherwise.</summary>
    /// <param name="small">The small size of story cards; else the medium size of story pages.</param>
    /// <param name="title">Tooltip, or null.</param>
    /// <param name="ariaLabel">Accessible name when the text alone would not say enough, or null.</param>
    public static RenderFragment Render(string href, string text, EntityKind field, bool filled, bool small, string? title = null, string? ariaLabel = null) =>
        builder => Build(builder, href, text, field, filled, small, title, ariaLabel);

    /// <summary>The chip's class list, as <c>MudChip</c> writes it.</summary>
    public static string Classes(EntityKind field, bool filled, bool small) =>
        $"mud-chip {(filled ? "mud-chip-filled" : "mud-chip-outlined")} {(small ? "mud-chip-size-small" : "mud-chip-size-medium")} mud-chip-color-{ColorName(field)} mud-clickable";

    /// <summary>The theme colour of a kind of entity: companies primary, countries secondary, tags tertiary, topics default.</summary>
    public static string ColorName(EntityKind field) =>
        field == EntityKind.Company ? "primary"
        : field == EntityKind.Country ? "secondary"
        : field == EntityKind.Tag ? "tertiary"
        : "default";

    private static void Build(RenderTreeBuilder builder, string href, string text, EntityKind field, bool filled, bool small, string? title, string? ariaLabel)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-chip-container");
        builder.OpenElement(2, "a");
        builder.AddAttribute(3, "class", Classes(field, filled, small));
        builder.AddAttribute(4, "href", href);
        builder.AddAttribute(5, "title", title);
        builder.AddAttribute(6, "aria-label", ariaLabel);
        builder.OpenElement(7, "span");
        builder.AddAttribute(8, "class", "mud-chip-content");
        builder.AddContent(9, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    }
}
