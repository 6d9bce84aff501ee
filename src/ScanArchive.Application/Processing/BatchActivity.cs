using System.Collections.Concurrent;
using System.Threading.Channels;
using ScanArchive.Core.Archive;

namespace ScanArchive.Application.Processing;

/// <summary>Something that happened to a batch while people watch it (a page recognized, a sheet scanned, a fault).</summary>
/// <param name="Batch">The batch's name.</param>
/// <param name="Kind">
/// <c>page</c> (recognized and stored), <c>sheet</c> (scanned and stored), <c>failed</c> (a file could not be read),
/// <c>state</c> (the batch moved), <c>fault</c> (the scanner stopped), <c>done</c> (a run ended).
/// </param>
/// <param name="State">The batch's state afterwards.</param>
/// <param name="PagesDone">Pages recognized in this run so far.</param>
/// <param name="DocumentsDone">Documents finished in this run.</param>
/// <param name="DocumentsTotal">Documents in this run.</param>
/// <param name="PageId">The page concerned, if any.</param>
/// <param name="Message">A message for people, in the language of whoever started the run.</param>
/// <param name="At">When.</param>
public sealed record BatchEvent(string Batch, string Kind, BatchState State, int PagesDone, int DocumentsDone, int DocumentsTotal, string? PageId, string? Message, DateTimeOffset At);

/// <summary>
/// Live progress of batches, published by the background runs and read by any number of watchers (server-sent
/// events, the batch screen). A slow watcher loses old events, never blocks a run: progress is a view, the store
/// holds the truth.
/// </summary>
public sealed class BatchActivity
{
    private const int EventsKeptPerWatcher = 256;
    private readonly ConcurrentDictionary<Guid, (string? Batch, Channel<BatchEvent> Channel)> _watchers = new();
    private readonly ConcurrentDictionary<string, BatchEvent> _latest = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tells every watcher of the batch (and of all batches).</summary>
    public void Publish(BatchEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _latest[e.Batch] = e;
        foreach (var (batch, channel) in _watchers.Values)
        {
            if (batch is null || string.Equals(batch, e.Batch, StringComparison.OrdinalIgnoreCase))
            {
                channel.Writer.TryWrite(e);
            }
        }
    }

    /// <summary>The last event of a batch (to show a page opened mid-run where it stands).</summary>
    public BatchEvent? Latest(string batch) => _latest.GetValueOrDefault(batch);

    /// <summary>Events of one batch (or every batch when null) from now until cancelled.</summary>
    public async IAsyncEnumerable<BatchEvent> WatchAsync(string? batch, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<BatchEvent>(new BoundedChannelOptions(EventsKeptPerWatcher) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _watchers[id] = (batch, channel);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var e))
                {
                    yield return e;
                }
            }
        }
        finally
        {
            _watchers.TryRemove(id, out _);
        }
    }
}
