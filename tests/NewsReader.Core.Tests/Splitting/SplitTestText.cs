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

    /// <summary>A report on hospital scanners: the same beat as <see cref="Earnings"/>.</summary>
    public static readonly string[] ScanWaits =
    [
        "Hospitals in Canada are buying more imaging scanners than ever, as provincial governments spend to cut waiting lists for scans, according to a report published on Monday by the Canadian Institute for Health Information.",
        "The report found that the number of MRI scanners in Canadian hospitals rose by 12 percent last year, and that clinics in Ontario and Quebec accounted for most of the new machines.",
        "Waiting times for a scan fell to an average of 68 days, from 89 days a year earlier, but remain well above the 30-day target set by provincial health ministers.",
    ];

    /// <summary>The lead names its company once, in one word, and "its" follows it.</summary>
    public static readonly string[] Earnings =
    [
        "Corvane reported revenue of $2.1 billion for its second quarter on Thursday, up 18 percent from a year earlier, as hospitals bought more of its imaging scanners.",
        "Sales of scanners rose to $1.4 billion, while service contracts brought in $520 million, slightly less than analysts had expected.",
        "Chief executive Dana Whitcombe told analysts that orders from clinics in Canada had doubled and that a new plant in Ohio would open next year.",
        "Shares in the Minneapolis-based group rose 4 percent in extended trading.",
    ];

    /// <summary>A feature: a scene-setting opening, then the news in the second paragraph.</summary>
    public static readonly string[] Feature =
    [
        "For most of the past twenty years, freight along the Danube has been carried by a patchwork of small family barge operators. That era may now be ending.",
        "Harbourline Shipping and Pell Logistics announced on Monday that they have agreed to merge their river freight fleets, creating the largest barge operator on the Danube.",
        "The combined company will run 340 barges between Regensburg and the Black Sea and employ about 2,800 people, according to a joint statement.",
        "Regulators in Austria and Hungary still have to approve the merger of the barge fleets, which the two companies expect to complete by the end of the year.",
    ];

    /// <summary>A feature whose scene-setting opening has no news cue at all, then the news.</summary>
    public static readonly string[] SceneOpening =
    [
        "In a converted warehouse on the edge of Porto, forty engineers are trying to build the battery storage network that Portugal’s grid never had. The start-up, Velaris Grid, says its units can power a town for a night.",
        "Velaris Grid raised €20 million in a round led by Atlantic Ventures this week, its founders said. Two utilities also took part.",
        "The company plans to install its first storage units at solar farms in the Alentejo region next year and to hire sixty engineers.",
        "Velaris Grid sells the stored power back to the grid in the evening, when prices are highest.",
    ];

    /// <summary>The lead opens with a quote, the attribution after it.</summary>
    public static readonly string[] QuoteLead =
    [
        "“Every shop on the high street will be selling through a screen within five years,” said Marta Oyelaran, chief executive of Tillpoint, at a retail conference in Lisbon on Wednesday, where the company launched its new checkout app.",
        "Tillpoint's app lets small shops take orders and payments from a phone. The company says 40,000 retailers in Portugal and Spain already use its card terminals.",
        "Oyelaran said Tillpoint would open offices in Milan and Lyon before the end of the year and hire 150 engineers.",
    ];

    /// <summary>A wire story: its lead opens with a dateline.</summary>
    public static readonly string[] Wire =
    [
        "FRANKFURT (Reuters) - Harbourline Shipping said on Tuesday it would buy 40 river barges from Pell Logistics for 90 million euros, expanding its freight fleet on the Danube.",
        "The barges will carry grain and steel between Regensburg and the Black Sea, Harbourline said, adding that the deal should close by the end of the year.",
        "Pell Logistics shares rose 5 percent in Frankfurt after the announcement of the barge sale.",
    ];

    public static SeedText Seed(params string[] paragraphs) =>
        SeedReader.Read(Encoding.UTF8.GetBytes(string.Join("\n\n", paragraphs) + "\n"), "test.txt", SeedFormat.Seed);

    public static SeedText Markdown(string text) =>
        SeedReader.Read(Encoding.UTF8.GetBytes(text), "test.md", SeedFormat.Markdown);

    public static string[] Concat(params string[][] parts) => [.. parts.SelectMany(p => p)];
}
