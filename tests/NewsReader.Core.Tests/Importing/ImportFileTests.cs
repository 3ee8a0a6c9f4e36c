using System.Text;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;
using NewsReader.Core.Reading;
using NewsReader.Core.Tests.Data;
using NewsReader.Core.Store;

namespace NewsReader.Core.Tests.Importing;

public abstract class ImportFileTests(StoreEngine engine)
{
    private const string OneStory = "Acme Corp said on Monday that it had raised new money from investors in Kenya and Brazil.\n\n" +
        "The company plans to hire more engineers over the next year, its chief executive said in a statement.\n";

    public static TheoryData<string, byte[]> BadFiles => new()
    {
        { "empty.txt", [] },
        { "blank.txt", "\n\n   \n"u8.ToArray() },
        { "binary.bin", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0x50, 0x4B] },
        { "latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 na\u00efve r\u00e9sum\u00e9 text that is not UTF-8 at all.") },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ImportFileAsync_BadFile_RefusedAndNothingStored(string name, byte[] bytes)
    {
        await using var store = await TestStore.CreateAsync(engine);
        var path = Path.Combine(store.Folder, name);
        await File.WriteAllBytesAsync(path, bytes);

        await Assert.ThrowsAsync<SeedReadException>(() => store.Importer().ImportFileAsync(path));

        Assert.Equal(0, store.Scalar("SELECT count(*) FROM Articles"));
        Assert.Equal(0, store.Scalar("SELECT count(*) FROM Entities"));
        Assert.Equal(1, store.Scalar($"SELECT count(*) FROM ImportRuns WHERE Status = {(int)ImportStatus.Refused}"));
    }

    [Fact]
    public async Task ImportFileAsync_DigestGiven_RecordedAsGivenAndSecondImportTakesFastPath()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var path = Path.Combine(store.Folder, "upload-0001.tmp");
        await File.WriteAllTextAsync(path, OneStory);

        // Not the file's real hash: the importer trusts the one taken while the upload was received.
        var digest = new FileDigest(new string('a', 64), 12345);
        var options = new ImportOptions(SourceName: "news.txt", Digest: digest);
        var first = await store.Importer().ImportFileAsync(path, options);
        var second = await store.Importer().ImportFileAsync(path, options);

        Assert.Equal((1, false, true), (first.Counts.New, first.FastPath, second.FastPath));
        Assert.Equal(2, store.Scalar($"SELECT count(*) FROM ImportRuns WHERE Sha256 = '{digest.Sha256}' AND SizeBytes = 12345 AND FileName = 'news.txt'"));
    }

    [Fact]
    public async Task ImportFileAsync_DigestGivenBadFile_RefusedUnderItsOwnNameWithTheDigest()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var path = Path.Combine(store.Folder, "upload-0002.tmp");
        await File.WriteAllBytesAsync(path, [0xC3, 0x28, 0x41]);

        var e = await Assert.ThrowsAsync<SeedReadException>(() =>
            store.Importer().ImportFileAsync(path, new ImportOptions(SourceName: "bad.txt", Digest: new FileDigest(new string('b', 64), 3))));

        Assert.Equal("bad.txt", e.FileName);
        Assert.Equal(1, store.Scalar($"SELECT count(*) FROM ImportRuns WHERE Status = {(int)ImportStatus.Refused} AND Sha256 = '{new string('b', 64)}' AND FileName = 'bad.txt'"));
    }

    [Fact]
    public async Task ImportFileAsync_OverSizeLimit_RefusedAndNothingStored()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var path = Path.Combine(store.Folder, "big.txt");
        await File.WriteAllTextAsync(path, OneStory + OneStory);

        var e = await Assert.ThrowsAsync<SeedReadException>(() =>
            store.Importer().ImportFileAsync(path, new ImportOptions(Limits: new ReadLimits(MaxFileBytes: 100))));

        Assert.Contains("larger than the limit", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Scalar("SELECT count(*) FROM Articles"));
    }

    [Fact]
    public async Task ImportFileAsync_NewStory_StoredWithItsExtractedEntities()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var path = Path.Combine(store.Folder, "one.txt");
        await File.WriteAllTextAsync(path, OneStory);

        var report = await store.Importer().ImportFileAsync(path);

        Assert.Equal(1, report.New);
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM ArticleEntities ae JOIN Entities e ON e.Id = ae.EntityId WHERE e.Name = 'Kenya'"));
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM ArticleEntities ae JOIN Entities e ON e.Id = ae.EntityId WHERE e.Name LIKE 'Acme%'"));
    }

    [Fact]
    public async Task ImportFileAsync_SameFileTwice_SecondIsAllUnchangedWithoutWrites()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var path = Path.Combine(store.Folder, "one.txt");
        await File.WriteAllTextAsync(path, OneStory);
        var first = await store.Importer().ImportFileAsync(path);
        var before = store.DumpStories();

        var second = await store.Importer().ImportFileAsync(path);
        var reparsed = await store.Importer().ImportFileAsync(path, new ImportOptions(Reparse: true));

        Assert.True(first.New > 0);
        Assert.True(second.FastPath);
        Assert.Equal((first.Found, first.New, 0, 0), (second.Found, second.Unchanged, second.New, second.Updated));
        Assert.Equal((first.New, 0, 0), (reparsed.Unchanged, reparsed.New, reparsed.Updated));
        Assert.Equal(before, store.DumpStories());
    }
}

public sealed class ImportFileSqliteTests() : ImportFileTests(StoreEngine.Sqlite);

public sealed class ImportFilePostgresTests() : ImportFileTests(StoreEngine.Postgres);
