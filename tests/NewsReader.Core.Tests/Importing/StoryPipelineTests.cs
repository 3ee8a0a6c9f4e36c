using NewsReader.Core.Importing;
using static NewsReader.Core.Tests.Data.Docs;

namespace NewsReader.Core.Tests.Importing;

public sealed class StoryPipelineTests
{
    [Fact]
    public void Enumerate_SeveralWorkers_StoriesInFileOrder()
    {
        var articles = Enumerable.Range(0, 200).Select(i => Story(i, $"Story {i}", Text($"story{i}", 3))).ToList();

        using var pipeline = new StoryPipeline(articles.Count, i => new IncomingStory(articles[i]), workers: 3, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 200), pipeline.Select(s => s.Parsed.Index));
    }

    [Fact]
    public async Task Enumerate_NoWorkers_WriterPreparesEveryStoryItself()
    {
        var articles = Enumerable.Range(0, 50).Select(i => Story(i, $"Story {i}", Text($"story{i}", 3))).ToList();
        var writer = 0;
        var preparedBy = new int[articles.Count];

        using var pipeline = new StoryPipeline(articles.Count, i =>
        {
            preparedBy[i] = Environment.CurrentManagedThreadId;
            return new IncomingStory(articles[i]);
        }, workers: 0, CancellationToken.None);

        // A deadlock guard, not a speed check: without help from the writer nothing is ever prepared.
        var order = await Task.Run(() =>
        {
            writer = Environment.CurrentManagedThreadId;
            return pipeline.Select(s => s.Parsed.Index).ToList();
        }).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Enumerable.Range(0, 50), order);
        Assert.All(preparedBy, id => Assert.Equal(writer, id));
    }

    [Fact]
    public void Enumerate_PreparationFails_WriterGetsTheOriginalException()
    {
        var articles = Enumerable.Range(0, 20).Select(i => Story(i, $"Story {i}", Text($"story{i}", 3))).ToList();

        using var pipeline = new StoryPipeline(articles.Count, i => i == 7 ? throw new InvalidOperationException("bad story") : new IncomingStory(articles[i]),
            workers: 2, CancellationToken.None);

        var e = Assert.Throws<InvalidOperationException>(() => pipeline.ToList());
        Assert.Equal("bad story", e.Message);
    }

    [Fact]
    public void Enumerate_Cancelled_ThrowsOperationCanceled()
    {
        var articles = Enumerable.Range(0, 20).Select(i => Story(i, $"Story {i}", Text($"story{i}", 3))).ToList();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        using var pipeline = new StoryPipeline(articles.Count, i => new IncomingStory(articles[i]), workers: 1, cts.Token);

        Assert.ThrowsAny<OperationCanceledException>(() => pipeline.ToList());
    }
}
