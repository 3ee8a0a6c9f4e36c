using System.Text;

namespace NewsReader.Web.Tests.Admin.Importing;

/// <summary>Small made-up seed files (Markdown: one <c># headline</c> per story) for the import tests.</summary>
public static class SeedFiles
{
    public static readonly (string Title, string Body)[] ThreeStories =
    [
        ("Harbour town opens floating solar farm",
            "The harbour town of Westmere switched on a floating solar farm on its old quarry lake on Monday.\n\n" +
            "The council said the panels would cover a third of the town's daytime demand and cut its power bill."),
        ("Bakery cooperative buys its first electric vans",
            "A bakery cooperative in the valley bought four electric delivery vans after a year of trials.\n\n" +
            "Drivers said the vans were quiet on early rounds and cheap to charge overnight at the depot."),
        ("Rail line reopens after bridge repairs",
            "Trains returned to the coastal line on Friday after eight months of repairs to the river bridge.\n\n" +
            "Commuters had used replacement buses since the spring floods damaged the bridge's piers."),
    ];

    public static byte[] Markdown(params (string Title, string Body)[] stories) =>
        Encoding.UTF8.GetBytes(string.Join("\n\n", stories.Select(s => $"# {s.Title}\n\n{s.Body}")) + "\n");

    /// <summary>Bytes no text file has: a PNG header and zeros.</summary>
    public static byte[] Binary() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[2048]];
}
