using System.Collections;
using System.Runtime.ExceptionServices;

namespace NewsReader.Core.Importing;

/// <summary>
/// Prepares an import's stories (fingerprints, MinHash bands, entities) on worker threads, in file
/// order and ahead of the single SQLite writer that enumerates them. For parsed stories the writer
/// is the slower stage, so the preparation costs the import almost no time on a machine with a
/// spare core; when extraction makes preparing the slower stage, the writer prepares stories too
/// while it would otherwise wait. Measured: PLINQ's ordered streaming merge handed stories over
/// too late to overlap.
/// </summary>
internal sealed class StoryPipeline : IEnumerable<IncomingStory>, IDisposable
{
    private readonly IncomingStory?[] _ready;
    private readonly Func<int, IncomingStory> _prepare;
    private readonly CancellationToken _ct;
    private readonly object _gate = new(); // Monitor.Wait/PulseAll: System.Threading.Lock has no condition wait
    private int _next = -1;
    private volatile bool _stopped;
    private ExceptionDispatchInfo? _failure;

    /// <param name="count">How many stories.</param>
    /// <param name="prepare">Prepares the story at a position (called once per position, on a worker).</param>
    /// <param name="workers">How many worker threads.</param>
    public StoryPipeline(int count, Func<int, IncomingStory> prepare, int workers, CancellationToken ct)
    {
        _ready = new IncomingStory?[count];
        _prepare = prepare;
        _ct = ct;
        for (var w = 0; w < Math.Min(workers, count); w++)
        {
            _ = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// The stories in file order. While the next one is not ready, the caller prepares a story no
    /// worker has taken yet instead of waiting: when preparing is the slower stage (extraction of a
    /// file parsed here), the writer's core then works on it too.
    /// </summary>
    public IEnumerator<IncomingStory> GetEnumerator()
    {
        for (var i = 0; i < _ready.Length; i++)
        {
            IncomingStory? story;
            while ((story = Volatile.Read(ref _ready[i])) is null && _failure is null && TryPrepareNext())
            {
            }

            lock (_gate)
            {
                while ((story = _ready[i]) is null && _failure is null)
                {
                    Monitor.Wait(_gate);
                }
            }

            _failure?.Throw();
            _ready[i] = null; // Taken: the writer holds what it keeps, and the rest can be collected.
            yield return story!;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Stops the workers after the stories they are preparing (the writer gave up).</summary>
    public void Dispose() => _stopped = true;

    private void Work()
    {
        try
        {
            while (!_stopped && TryPrepareNext())
            {
            }
        }
#pragma warning disable CA1031 // Handed to the writer, which rethrows it with its own stack.
        catch (Exception e)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _failure ??= ExceptionDispatchInfo.Capture(e);
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Takes the next position no one has taken and prepares its story; false when none is left.</summary>
    private bool TryPrepareNext()
    {
        var i = Interlocked.Increment(ref _next);
        if (i >= _ready.Length)
        {
            return false;
        }

        _ct.ThrowIfCancellationRequested();
        var story = _prepare(i);
        lock (_gate)
        {
            _ready[i] = story;
            Monitor.PulseAll(_gate);
        }

        return true;
    }
}
