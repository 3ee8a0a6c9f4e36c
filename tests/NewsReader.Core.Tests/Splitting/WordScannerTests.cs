using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class WordScannerTests
{
    private static List<(string Word, bool SentenceInitial)> Scan(string text)
    {
        var words = new List<(string, bool)>();
        var scanner = new WordScanner(text);
        while (scanner.MoveNext())
        {
            words.Add((scanner.Current.Of(text), scanner.Current.SentenceInitial));
        }

        return words;
    }

    [Fact]
    public void MoveNext_InnerJoiners_KeepOneWord()
    {
        var words = Scan("AT&T and Google.cn's long-term U.S plan isn’t new");

        Assert.Equal(["AT&T", "and", "Google.cn's", "long-term", "U.S", "plan", "isn’t", "new"], words.Select(w => w.Word));
    }

    [Fact]
    public void MoveNext_JoinerNotFollowedByLetter_EndsWord()
    {
        var words = Scan("rock- and roll' - done.");

        Assert.Equal(["rock", "and", "roll", "done"], words.Select(w => w.Word));
    }

    [Fact]
    public void MoveNext_AfterSentenceEnd_MarksSentenceInitial()
    {
        var words = Scan("He left. Then? She stayed! Now");

        Assert.Equal([true, false, true, true, false, true], words.Select(w => w.SentenceInitial));
    }

    [Fact]
    public void MoveNext_LettersBeyondAscii_AreWordCharacters()
    {
        var words = Scan("Zürich — São Paulo, 北京 №5");

        Assert.Equal(["Zürich", "São", "Paulo", "北京", "5"], words.Select(w => w.Word));
    }

    [Fact]
    public void MoveNext_NoWords_False()
    {
        var scanner = new WordScanner(" ... — !");

        Assert.False(scanner.MoveNext());
        Assert.False(scanner.MoveNext());
    }
}
