using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScanArchive.Core.Archive;

namespace ScanArchive.Application.Processing;

/// <summary>
/// Recognizes batches in the background of a long-running host, one batch at a time (each run already keeps every
/// engine busy). On start it resumes the batches a previous run left in processing; on stop the pages in flight
/// finish, and whatever is left is resumed at the next start.
/// </summary>
public sealed class ProcessingQueue(ArchiveHost host, ProcessingService processing, BatchActivity activity, ILogger<ProcessingQueue> logger) : BackgroundService
{
    private readonly Channel<(Actor Actor, string Batch)> _queue = Channel.CreateUnbounded<(Actor, string)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>Queues a batch for recognition (once: a batch already waiting is not queued twice).</summary>
    public void Enqueue(Actor actor, string batchName)
    {
        lock (_gate)
        {
            if (!_waiting.Add(batchName))
            {
                return;
            }
        }

        _queue.Writer.TryWrite((actor, batchName));
    }

    /// <summary>True while the batch waits or is being recognized.</summary>
    public bool IsQueued(string batchName)
    {
        lock (_gate)
        {
            return _waiting.Contains(batchName);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and answer its first request) before the engines load.
        await Task.Yield();
        try
        {
            foreach (var batch in host.Store.Batches().Where(b => b.State == BatchState.Processing || (b.State == BatchState.Capturing && host.Store.Documents(b.Id).Any(d => d.Status == DocumentStatus.Pending))))
            {
                // The recorded user of a resumed run is whoever last changed the batch: processing is their work.
                Enqueue(new Actor(batch.UpdatedBy, Core.Accounts.Role.Clerk), batch.Name);
            }
        }
        catch (ArchiveException ex)
        {
            logger.LogError(ex, "Cannot read the batches to resume");
        }

        await foreach (var (actor, batch) in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await processing.ProcessAsync(actor, batch, null, null, null, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is ArchiveException or RecognitionUnavailableException or IOException)
            {
                logger.LogError(ex, "Recognition of batch {Batch} stopped", batch);
                activity.Publish(new BatchEvent(batch, "fault", host.Store.FindBatch(batch)?.State ?? BatchState.Processing, 0, 0, 0, null, ex.Message, DateTimeOffset.UtcNow));
            }
            finally
            {
                lock (_gate)
                {
                    _waiting.Remove(batch);
                }
            }
        }
    }
}
