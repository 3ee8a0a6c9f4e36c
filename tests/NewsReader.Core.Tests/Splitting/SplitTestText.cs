using System.Text;
using NewsReader.Core.Reading;

namespace NewsReader.Core.Tests.Splitting;

/// <summary>Small hand-written stories (invented companies and people) for splitter tests.</summary>
internal static class SplitTestText
{
    public static readonly string[] Robotics =
    [
        "Brightwave Robotics announced today that it has raised $45 million in a Series B round led by Northgate Ventures, as the Berlin-based startup expands its warehouse automation business.",
        "The company said the money will go toward hiring engineers and opening an office in Austin, where several of its largest customers run distribution centers.",
        "“Warehouses are short of people, and our robots fill the gaps,” chief executive Lena Hartmann said in an interview.",
        "Brightwave sells its picking robots on a subscription basis. It now counts more than 60 customers, up from 20 a year ago, and expects robot subscriptions to triple.",
    ];

    public static readonly string[] Bank =
    [
        "Kestrel Bank said on Tuesday it will cut 1,200 jobs across Europe as the lender moves more of its customer service online and closes branches.",
        "The cuts will fall mostly on branch staff in Spain and Portugal, according to an internal memo that was shared with employees this morning.",
        "Kestrel’s shares rose 3% in early trading after the announcement, with analysts saying the savings could lift margins next year.",
        "But unions criticised the plan. “This is a decision taken in a boardroom far away from the people it hurts,” a spokesperson for the workers said.",
    ];

    public static readonly string[] Satellites =
    [
        "Orbital startup Lumen Skies unveiled a constellation of weather satellites on Wednesday, promising hourly storm forecasts for farmers across South America.",
        "Lumen Skies plans to launch the first six satellites next spring from a spaceport in French Guiana, with the rest following over two years.",
        "Farmers in Brazil and Argentina have signed up for early access to the Lumen Skies forecasts, paying a monthly fee for storm alerts sent straight to their phones.",
        "He added that the forecasts will be accurate to within a few kilometres, far better than what regional weather services offer today.",
    ];

    public static SeedText Seed(params string[] paragraphs) =>
        SeedReader.Read(Encoding.UTF8.GetBytes(string.Join("\n\n", paragraphs) + "\n"), "test.txt", SeedFormat.Seed);

    public static SeedText Markdown(string text) =>
        SeedReader.Read(Encoding.UTF8.GetBytes(text), "test.md", SeedFormat.Markdown);

    public static string[] Concat(params string[][] parts) => [.. parts.SelectMany(p => p)];
}
