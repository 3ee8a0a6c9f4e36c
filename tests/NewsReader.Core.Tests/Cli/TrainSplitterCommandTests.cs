using NewsReader.Cli;

namespace NewsReader.Core.Tests.Cli;

public sealed class TrainSplitterCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nr-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("-0.2")]
    [InlineData("a fifth")]
    public async Task TrainSplitter_FeatureFractionOutsideZeroToOne_RefusedBeforeTraining(string fraction)
    {
        var pool = Path.Combine(_dir, "pool.jsonl");
        await File.WriteAllTextAsync(pool, "");
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["train-splitter", "--corpus", pool, "--feature-fraction", fraction], stdout, stderr);

        Assert.Equal(CliApp.BadInput, code);
        Assert.Contains($"--feature-fraction takes a number above 0 and at most 1, not '{fraction}'", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, stdout.Length);
    }
}
