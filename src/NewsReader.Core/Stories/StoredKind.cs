using NewsReader.Core.Data;
using NewsReader.Core.Extraction;

namespace NewsReader.Core.Stories;

/// <summary>The stored kind of an extracted entity: one mapping for the importer and the curators.</summary>
internal static class StoredKind
{
    public static NewsEntityKind Of(EntityKind kind) => kind switch
    {
        EntityKind.Company => NewsEntityKind.Company,
        EntityKind.Country => NewsEntityKind.Country,
        _ => NewsEntityKind.Topic,
    };
}
