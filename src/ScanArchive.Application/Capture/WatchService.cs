using System.Globalization;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Capture.Watch;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging;

namespace ScanArchive.Application.Capture;

/// <summary>What happened to one file dropped into a watched folder.</summary>
/// <param name="FileName">The file's name in the folder.</param>
/// <param name="Imported">True when stored; false when refused (see <paramref name="Error"/>).</param>
/// <param name="Error">Why it was refused, for the user.</param>
public sealed record WatchedFileOutcome(string FileName, bool Imported, string? Error);

/// <summary>
/// Scan-to-folder import: files are taken once completely written, stored in the batch, then moved to
/// <c>done</c> (or <c>failed</c> with a reason file); recognition runs behind. A journal in the folder and the
/// archive's content hashes make restarts import nothing twice.
/// </summary>
public sealed class WatchService(ArchiveHost host, BatchService batches, RecognitionEngines engines, CaptureService capture)
{
    /// <summary>Watches until cancelled, then waits for the files being recognized and ends capture.</summary>
    /// <returns>Files imported in this run.</returns>
    public async Task<int> WatchAsync(Actor actor, string folder, string batchName, QualityProfile quality, string? languages, IProgress<WatchedFileOutcome>? files = null, Action<string>? started = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Capture);
        var processor = engines.Processor(quality, languages);
        using var source = new WatchFolderSource(folder);
        var batch = batches.OpenForCapture(actor, batchName);
        var reader = new DocumentReader();
        using var slots = new SemaphoreSlim(engines.Concurrency(languages) * 2);
        var recognitions = new List<Task>();

        // Documents left pending by an earlier run (stopped before their OCR finished) are picked up first.
        foreach (var pending in host.Store.Documents(batch.Id).Where(d => d.Status == DocumentStatus.Pending))
        {
            await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            recognitions.Add(RecognizeAsync(processor, pending, slots));
        }

        started?.Invoke(source.Folder);
        var imported = 0;
        try
        {
            await foreach (var file in source.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                // A retry means an earlier run stopped between storing and moving the file: the hash says whether it got in.
                if (file.IsRetry && host.Store.DocumentsWithContent(file.Sha256).Count > 0)
                {
                    source.Complete(file);
                    continue;
                }

                try
                {
                    if (reader.Identify(file.Path) == DocumentFormat.NotADocument)
                    {
                        throw new DocumentReadException(file.Path, DocumentProblem.UnsupportedFormat);
                    }

                    var document = host.Store.AddDocument(batch.Id, file.Path, file.Name, actor.UserName);
                    source.Complete(file);
                    imported++;
                    files?.Report(new WatchedFileOutcome(file.Name, true, null));
                    await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                    recognitions.Add(RecognizeAsync(processor, document, slots));
                }
                catch (Exception ex) when (ex is DocumentReadException or IOException or UnauthorizedAccessException)
                {
                    var reason = AnalysisJson.ErrorMessage(ex, CultureInfo.CurrentUICulture);
                    source.Fail(file, reason);
                    files?.Report(new WatchedFileOutcome(file.Name, false, reason));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        // Stopping waits for the documents being recognized; anything left is resumed by the next run or `process`.
        await Task.WhenAll(recognitions).ConfigureAwait(false);
        capture.FinishCapture(actor, batch.Id);
        return imported;
    }

    private static async Task RecognizeAsync(BatchProcessor processor, BatchDocument document, SemaphoreSlim slots)
    {
        try
        {
            await processor.ProcessDocumentAsync(document, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }
}
