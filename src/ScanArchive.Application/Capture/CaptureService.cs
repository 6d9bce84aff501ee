using System.Globalization;
using System.Runtime.CompilerServices;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Capture.Sane;
using ScanArchive.Capture.Worker;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Text;
using ScanArchive.Imaging;

namespace ScanArchive.Application.Capture;

/// <summary>
/// Scanning into a batch. Each sheet is stored the moment it arrives and recognized while the scanner pulls the
/// next; a fault keeps every sheet before it, and the batch stays open for the operator to continue once fixed.
/// </summary>
public sealed class CaptureService(ScanArchiveOptions options, ArchiveHost host, BatchService batches, RecognitionEngines engines, BatchActivity activity)
{
    /// <summary>The scanners the workstation sees (through a worker process, like scanning).</summary>
    public Task<IReadOnlyList<ScanDeviceInfo>> DevicesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Capture);
        return Scanner().ListDevicesAsync(cancellationToken);
    }

    /// <summary>Scans sheets into the named batch (created when new) with the settings given.</summary>
    /// <param name="actor">Who scans.</param>
    /// <param name="batchName">The batch.</param>
    /// <param name="settings">Device, source, resolution, mode, options.</param>
    /// <param name="profile">The profile the pages are judged with (its language, quality and blank-sheet handling).</param>
    /// <param name="sheetStored">Told of each sheet as it is stored.</param>
    /// <param name="cancellationToken">Stops scanning; sheets already stored are still recognized.</param>
    public async Task<CaptureOutcome> ScanAsync(Actor actor, string batchName, ScanSettings settings, ScanProfile profile, IProgress<ScannedSheet>? sheetStored = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(profile);
        var batch = batches.OpenForCapture(actor, batchName);
        using var scope = actor.AuditScope();
        var processor = engines.Processor(profile.EffectiveQuality(), profile.Language, profile.Engine);
        var blankPagesSeparate = profile.BlankPages == BlankPageHandling.Separate;
        var session = $"scan-{DateTime.Now:yyyyMMdd-HHmmss}";
        var culture = CultureInfo.CurrentUICulture;

        // At most two sheets per OCR worker wait for recognition; beyond that the scanner pauses (back-pressure).
        using var slots = new SemaphoreSlim(engines.Concurrency(profile.Language) * 2);
        var recognitions = new List<Task>();
        var captured = 0;
        var recognized = new StrongBox<int>();
        ScanException? fault = null;
        var cancelled = false;
        try
        {
            await foreach (var page in Scanner().ScanAsync(settings, null, cancellationToken).ConfigureAwait(false))
            {
                var png = RasterImageWriter.ToPng(page.Image);
                var document = host.Store.AddDocument(batch.Id, png, ".png", $"{session}-{page.Number:D3}.png", actor.UserName, session, blankPagesSeparate);
                captured++;
                sheetStored?.Report(new ScannedSheet(page.Number, document, page.Image.Width, page.Image.Height, page.Applied.Dpi ?? 0));
                activity.Publish(new BatchEvent(batch.Name, "sheet", batch.State, 0, 0, 0, document.Id,
                    UserMessages.Pick($"已扫描第 {page.Number} 页", $"Scanned page {page.Number}", culture), DateTimeOffset.UtcNow));
                await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                recognitions.Add(RecognizeAsync(processor, batch, document, slots, recognized, culture));
            }
        }
        catch (ScanException ex)
        {
            fault = ex;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        // Sheets already captured are recognized even after a fault or a cancel: they are the operator's work.
        await Task.WhenAll(recognitions).ConfigureAwait(false);
        if (cancelled)
        {
            host.Store.Audit(new AuditEvent(actor.UserName, "scan.stopped", batch.Name, $"{captured} page(s)", actor.Address));
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (fault is not null)
        {
            host.Store.Audit(new AuditEvent(actor.UserName, "scan.fault", batch.Name, $"{fault.Fault} at page {fault.PageNumber}: {fault.Detail}", actor.Address));
            activity.Publish(new BatchEvent(batch.Name, "fault", batch.State, captured, 0, 0, null, fault.MessageIn(culture), DateTimeOffset.UtcNow));
            return new CaptureOutcome(host.Store.FindBatch(batch.Id)!, captured, fault);
        }

        host.Store.Audit(new AuditEvent(actor.UserName, "scan.done", batch.Name, $"{captured} page(s)", actor.Address));
        var finished = captured > 0 ? FinishCapture(actor, batch.Id) : host.Store.FindBatch(batch.Id)!;
        activity.Publish(new BatchEvent(batch.Name, "done", finished.State, captured, 0, 0, null, null, DateTimeOffset.UtcNow));
        return new CaptureOutcome(finished, captured, null);
    }

    /// <summary>
    /// Ends capture: once every stored document is recognized (and at least one could be read), the batch goes to
    /// review. Scanning and folder watching end the same way.
    /// </summary>
    public Batch FinishCapture(Actor actor, string batchId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var batch = host.Store.FindBatch(batchId) ?? throw new ArchiveException(ArchiveProblem.BatchNotFound, batchId);
        var documents = host.Store.Documents(batch.Id);
        if (documents.Count == 0 || documents.Any(d => d.Status == DocumentStatus.Pending) || batch.State is not (BatchState.Capturing or BatchState.Processing))
        {
            return batch;
        }

        if (documents.All(d => d.Status == DocumentStatus.Failed))
        {
            // Nothing readable: a reviewer could only reject it. It stays with the clerk.
            return batch;
        }

        host.Store.MoveBatch(batch.Id, BatchState.Processing, actor.UserName);
        return host.Store.MoveBatch(batch.Id, BatchState.ReadyForReview, actor.UserName);
    }

    private ScanWorkerClient Scanner() => options.ScanWorker is { } start
        ? new ScanWorkerClient(new ScanWorkerOptions { StartInfo = start, SaneConfigDir = SaneConfigFolder.Resolve(host.Layout.Root) })
        : ScanWorkerClient.ForThisProgram(host.Layout.Root);

    private async Task RecognizeAsync(BatchProcessor processor, Batch batch, BatchDocument document, SemaphoreSlim slots, StrongBox<int> recognized, CultureInfo culture)
    {
        try
        {
            // Not cancelled with the scan: the sheet is the operator's work, and finishing its OCR costs one page's time.
            await processor.ProcessDocumentAsync(document, CancellationToken.None).ConfigureAwait(false);

            // Watchers see each scanned sheet recognized, as they do for uploads.
            var done = Interlocked.Increment(ref recognized.Value);
            var pages = host.Store.DocumentPages(document.Id);
            var page = pages.Count > 0 ? pages[0] : null;
            activity.Publish(new BatchEvent(batch.Name, page is null ? "failed" : "page", batch.State, done, 0, 0, page?.Id,
                UserMessages.Pick($"已识别 {document.SourceName}", $"Recognized {document.SourceName}", culture), DateTimeOffset.UtcNow));
        }
        finally
        {
            slots.Release();
        }
    }
}
