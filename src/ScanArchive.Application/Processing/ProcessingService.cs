using System.Globalization;
using ScanArchive.Capture.Profiles;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Quality;
using ScanArchive.Core.Text;

namespace ScanArchive.Application.Processing;

/// <summary>
/// Recognition of a batch's stored pages: quality check and cleanup, OCR, fields. Resumable: each page is stored the
/// moment it is done, and a run started again continues after the last stored page.
/// </summary>
public sealed class ProcessingService(ArchiveHost host, RecognitionEngines engines, BatchActivity activity)
{
    /// <summary>The scan profile a batch was opened with (its language and quality settings), else the default.</summary>
    public ScanProfile ProfileOf(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Profile is { } name && new ScanProfileStore(host.Layout.Profiles).Find(name) is { } profile ? profile : ScanProfile.Default;
    }

    /// <summary>
    /// Recognizes every pending page of the batch, then moves it to review. Progress goes to <paramref name="progress"/>
    /// and to the batch's watchers.
    /// </summary>
    /// <param name="actor">Who started the run.</param>
    /// <param name="nameOrId">The batch.</param>
    /// <param name="progress">Optional progress receiver.</param>
    /// <param name="quality">How pages are judged (default: the batch's profile's settings).</param>
    /// <param name="languages">Recognition languages (default: the batch's profile's, else the host's).</param>
    /// <param name="cancellationToken">Stops after the pages in flight; stored pages stay.</param>
    public async Task<BatchProcessingResult> ProcessAsync(Actor actor, string nameOrId, IProgress<BatchProgress>? progress = null, QualityProfile? quality = null, string? languages = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Capture);
        using var scope = actor.AuditScope();
        var batch = host.Store.FindBatch(nameOrId) ?? throw new ArchiveException(ArchiveProblem.BatchNotFound, nameOrId);
        var profile = batch.Profile is null ? null : ProfileOf(batch);
        var processor = engines.Processor(quality ?? profile?.EffectiveQuality(), languages ?? profile?.Language);
        var culture = CultureInfo.CurrentUICulture;
        var names = host.Store.Documents(batch.Id).ToDictionary(d => d.Id, d => d.SourceName);
        var relay = new Progress<BatchProgress>(p =>
        {
            progress?.Report(p);
            activity.Publish(new BatchEvent(batch.Name, "page", BatchState.Processing, p.PagesDone, p.DocumentsDone, p.DocumentsTotal, p.LastPage?.Id,
                p.LastPage is { } page ? UserMessages.Pick($"已识别 {names.GetValueOrDefault(page.DocumentId)} 第 {page.PageNumber} 页", $"Recognized {names.GetValueOrDefault(page.DocumentId)} page {page.PageNumber}", culture) : null,
                DateTimeOffset.UtcNow));
        });
        var result = await processor.ProcessAsync(batch.Id, actor.UserName, relay, cancellationToken).ConfigureAwait(false);
        foreach (var failed in result.FailedDocuments)
        {
            activity.Publish(new BatchEvent(batch.Name, "failed", result.Batch.State, result.PagesProcessed, 0, 0, null, $"{failed.SourceName}: {failed.Error}", DateTimeOffset.UtcNow));
        }

        activity.Publish(new BatchEvent(batch.Name, "done", result.Batch.State, result.PagesProcessed, 0, 0, null, null, DateTimeOffset.UtcNow));
        return result;
    }

    /// <summary>
    /// Recognizes one stored document now (a sheet just scanned, a file just dropped) without moving the batch, so
    /// that recognition overlaps capture.
    /// </summary>
    public Task RecognizeDocumentAsync(Core.Archive.BatchProcessor processor, BatchDocument document) =>
        (processor ?? throw new ArgumentNullException(nameof(processor))).ProcessDocumentAsync(document, CancellationToken.None);
}
