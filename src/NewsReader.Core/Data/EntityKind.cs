namespace NewsReader.Core.Data;

/// <summary>
/// What an entity is: the one kind type of extraction, the store, search filters and the pages.
/// Values are stored as integers: never renumber.
/// </summary>
public enum EntityKind
{
    /// <summary>A company or company-like organisation (fund, foundation, NGO).</summary>
    Company = 0,

    /// <summary>A country, under its canonical English short name.</summary>
    Country = 1,

    /// <summary>A topic from the taxonomy.</summary>
    Topic = 2,

    /// <summary>A free tag typed by a person (extraction never finds one).</summary>
    Tag = 3,
}

/// <summary>The word for each kind in the search language (<c>company:</c>) and in URLs (<c>?company=</c>).</summary>
public static class EntityKindKeys
{
    extension(EntityKind kind)
    {
        /// <summary>The kind's word: <c>company</c>, <c>country</c>, <c>topic</c>, <c>tag</c>.</summary>
        public string Key => kind switch
        {
            EntityKind.Company => "company",
            EntityKind.Country => "country",
            EntityKind.Topic => "topic",
            EntityKind.Tag => "tag",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        /// <summary>Every kind, in display order (the order of facets and of <c>stats</c>).</summary>
        public static IReadOnlyList<EntityKind> All => AllKinds;

        /// <summary>The kind whose key is <paramref name="key"/> (any case), or null.</summary>
        public static EntityKind? FromKey(ReadOnlySpan<char> key)
        {
            foreach (var each in AllKinds)
            {
                if (key.Equals(each.Key, StringComparison.OrdinalIgnoreCase))
                {
                    return each;
                }
            }

            return null;
        }
    }

    private static readonly EntityKind[] AllKinds = [EntityKind.Company, EntityKind.Country, EntityKind.Topic, EntityKind.Tag];
}
