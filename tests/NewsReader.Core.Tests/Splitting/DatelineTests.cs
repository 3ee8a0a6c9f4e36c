using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class DatelineTests
{
    [Theory]
    [InlineData("SAN FRANCISCO (Reuters) - Uber said on Wednesday it would expand.", "SAN FRANCISCO (Reuters) - ")]
    [InlineData("(Reuters) - Tesla Inc posted its first full-year profit.", "(Reuters) - ")]
    [InlineData("FRANKFURT/DETROIT (Reuters) - Volkswagen and Ford are cutting output.", "FRANKFURT/DETROIT (Reuters) - ")]
    [InlineData("BEIJING, March 3 (AP) — China set its growth target.", "BEIJING, March 3 (AP) — ")]
    [InlineData("WASHINGTON, Nov 3 (Thomson Reuters Foundation) - Voters went to the polls.", "WASHINGTON, Nov 3 (Thomson Reuters Foundation) - ")]
    [InlineData("LONDON — Britain’s regulator fined the airline.", "LONDON — ")]
    [InlineData("ST. LOUIS – 3M said it would cut jobs.", "ST. LOUIS – ")]
    public void Length_WireDateline_CoversPlaceAgencyAndDash(string text, string dateline) =>
        Assert.Equal(dateline.Length, Dateline.Length(text));

    [Theory]
    [InlineData("MUMBAI: Reliance Retail has raised Rs 8,278 crore from investors.", "MUMBAI: ")]
    [InlineData("NEW DELHI: The government cut the tax on fuel.", "NEW DELHI: ")]
    [InlineData("BENGALURU: “We will hire 2,000 engineers,” the company said.", "BENGALURU: ")]
    public void Length_ColonDatelineOfAShippedPlace_CoversPlaceAndColon(string text, string dateline) =>
        Assert.Equal(dateline.Length, Dateline.Length(text));

    [Theory]
    [InlineData("SMITH: We will not comment on the deal.")] // a transcript's speaker, no place
    [InlineData("TECHCRUNCH: Does that change anything for you?")]
    [InlineData("Mumbai: the city where the company was founded.")] // not in capitals, and lower case after
    [InlineData("MUMBAI:Reliance raised money.")]
    public void Length_ColonAfterCapitalsThatAreNoDateline_Zero(string text) => Assert.Equal(0, Dateline.Length(text));

    [Theory]
    [InlineData("AMD — the chipmaker — said it would buy Xilinx.")] // a sentence goes on in lower case
    [InlineData("Kestrel - the bank that never closes - said it would cut jobs.")] // no place in capitals
    [InlineData("Apple (AAPL) - the iPhone maker - rose 3%.")]
    [InlineData("Revenue rose 5% - a record - in the quarter.")]
    [InlineData("The deal - worth $35 billion - closes next year.")]
    [InlineData("(Reuters)")]
    [InlineData("")]
    [InlineData("- Tesla said.")]
    public void Length_NoDateline_Zero(string text) => Assert.Equal(0, Dateline.Length(text));

    [Fact]
    public void Length_GeneratedText_NeverThrowsAndStaysInside()
    {
        var random = new Random(11);
        string[] pieces = ["(", ")", "-", " ", "—", "–", "A", "b", ",", "1", "Reuters", "LONDON", "“", "’"];
        for (var n = 0; n < 20_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => pieces[random.Next(pieces.Length)]));

            var length = Dateline.Length(text);

            Assert.InRange(length, 0, text.Length);
        }
    }

    [Fact]
    public void Length_DashFarIntoTheParagraph_Zero() =>
        Assert.Equal(0, Dateline.Length("THE VERY LONG NAME OF A PLACE THAT NO WIRE WOULD EVER WRITE OUT - Kestrel said."));
}
