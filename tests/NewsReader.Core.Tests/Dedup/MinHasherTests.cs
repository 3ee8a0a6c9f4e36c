using NewsReader.Core.Dedup;
using NewsReader.Core.Importing;
using NewsReader.Core.Tests.Data;

namespace NewsReader.Core.Tests.Dedup;

public sealed class MinHasherTests
{
    [Theory]
    [InlineData("")]
    [InlineData("one")]
    [InlineData("two words")]
    [InlineData("the same words again and the same words again, with more words after them")]
    public void BandKeysOfNormalized_AnyText_SameAsKeysOfTheShingleSet(string text)
    {
        var normalized = TextFingerprint.Normalize(text);
        Assert.Equal(MinHasher.BandKeys(MinHasher.ShinglesOfNormalized(normalized)), MinHasher.BandKeysOfNormalized(normalized));
    }

    [Fact]
    public void BandKeys_SameTextInOtherStyle_SameKeys()
    {
        var text = Docs.Text("omega");
        var restyled = text.Replace(". ", ".  ", StringComparison.Ordinal).ToUpperInvariant();

        Assert.Equal(MinHasher.BandKeys(MinHasher.Shingles(text)), MinHasher.BandKeys(MinHasher.Shingles(restyled)));
    }

    [Fact]
    public void BandKeys_SmallEdit_AboveThresholdAndSharesABand()
    {
        var text = Docs.Text("sigma", 40);
        var edited = text[..^40] + " a closing remark added.";
        var a = MinHasher.Shingles(text);
        var b = MinHasher.Shingles(edited);

        Assert.True(MinHasher.Jaccard(a, b) >= MinHasher.Threshold);
        Assert.NotEmpty(MinHasher.BandKeys(a).Intersect(MinHasher.BandKeys(b)));
    }

    [Fact]
    public void BandKeys_UnrelatedTexts_FarApartAndNoSharedBand()
    {
        var a = MinHasher.Shingles(Docs.Text("first"));
        var b = MinHasher.Shingles(Docs.Text("second"));

        Assert.True(MinHasher.Jaccard(a, b) < 0.1);
        Assert.Empty(MinHasher.BandKeys(a).Intersect(MinHasher.BandKeys(b)));
    }

    // Band keys are stored: any change to the hashing (or a vectorised path computing other
    // values) would silently stop new stories matching stored ones. Keys computed by the scalar code.
    [Fact]
    public void BandKeysOfNormalized_FixedText_SameKeysAsStored() =>
        Assert.Equal(
            [
                -7363712373131058979, -9170737925233676612, -2196501422658014779, 4377379948080930405, -6094478413318580311,
                5503103008421011617, 6028751731455891143, 573164819425667005, -4156523708489259426, 8199358035563908948,
            ],
            MinHasher.BandKeysOfNormalized(TextFingerprint.Normalize("The quick brown fox jumps over the lazy dog while the band plays on, and the keys stay the same.")));

    [Fact]
    public void BandKeys_NoWords_NoKeys() =>
        Assert.Empty(MinHasher.BandKeys(MinHasher.Shingles("... --- !!!")));

    [Fact]
    public void BandKeys_OneKeyPerBand() =>
        Assert.Equal(MinHasher.Bands, MinHasher.BandKeys(MinHasher.Shingles("a few words here")).Length);

    // Band keys are stored (ArticleBands): a change of hash, permutation or vector path that changes
    // a single key would need a migration. Values computed by the scalar loop before the vector path.
    [Theory]
    [InlineData("The quick brown fox jumps over the lazy dog while the markets in Tokyo and Frankfurt closed higher on Friday.",
        new[] { 7610040872573241432L, 5203649517342386831L, -3827338863052100582L, -6129897274496314887L, 6472576852677626528L,
            430003923498786209L, 8113553267011511341L, -762175357452383330L, 2233938917003038263L, 6641188743083875013L })]
    [InlineData("one two",
        new[] { -3036001810877982785L, -923238834216679174L, 7349195579590362563L, 2386857080559894853L, 6966942024907689383L,
            4554953586982387004L, 5003471545112049237L, -3325985822864278540L, 1150474847718286474L, 2224800689913845127L })]
    public void BandKeys_FixedText_KeysAsStored(string text, long[] expected)
    {
        Assert.Equal(expected, MinHasher.BandKeys(MinHasher.Shingles(text)));
        Assert.Equal(expected, MinHasher.BandKeysOfNormalized(TextFingerprint.Normalize(text)));
    }
}
