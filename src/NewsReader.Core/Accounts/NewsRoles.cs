namespace NewsReader.Core.Accounts;

/// <summary>The account roles. Reading, searching and filtering need no account at all.</summary>
public static class NewsRoles
{
    /// <summary>A signed-in reader: may tag stories.</summary>
    public const string Reader = "Reader";

    /// <summary>May import files and correct stories, tags and entities (the <c>/admin</c> area).</summary>
    public const string Admin = "Admin";

    /// <summary>Every role, for seeding the roles table.</summary>
    public static IReadOnlyList<string> All { get; } = [Reader, Admin];
}
