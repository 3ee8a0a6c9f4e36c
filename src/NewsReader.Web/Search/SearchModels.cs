using NewsReader.Core.Data;
using NewsReader.Web.Entities;

namespace NewsReader.Web.Search;

/// <summary>One value in a facet list: an entity and how many of the current results name it.</summary>
public sealed record FacetItem(string Slug, string Name, int Count, bool Selected);

/// <summary>A filter the reader has applied, shown as a removable chip.</summary>
public sealed record ActiveFilter(EntityKind Field, string Slug, string Name);
