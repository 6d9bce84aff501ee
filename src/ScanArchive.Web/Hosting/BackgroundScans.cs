using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using ScanArchive.Application;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Capture;
using ScanArchive.Application.Processing;
using ScanArchive.Capture.Profiles;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Capture;

namespace ScanArchive.Web.Hosting;

/// <summary>
/// Runs <see cref="CaptureService.ScanAsync"/> behind a request that returns at once: one scan per batch at a time,
/// in the caller's language and with their address in the audit, stopped with the host (sheets already stored are
/// still recognized).
/// </summary>
public sealed class BackgroundScans(
    CaptureService capture,
    BatchService batches,
    ProcessingService processing,
    BatchActivity activity,
    DataFolderLayout layout,
    IHostApplicationLifetime lifetime,
    IStringLocalizer<Strings> text,
    ILogger<BackgroundScans> logger)
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts scanning into the batch; refused when it does not exist, is not visible, or is being scanned already.</summary>
    public void Start(Actor actor, string batchName, ScanSettings settings, string? profileName)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Capture);
        var batch = batches.Find(actor, batchName);
        var profile = profileName is null
            ? processing.ProfileOf(batch)
            : new ScanProfileStore(layout.Profiles).Find(profileName) ?? throw new ArgumentException(text["Scan.UnknownProfile", profileName], nameof(profileName));
        var culture = CultureInfo.CurrentUICulture;
        var gate = new TaskCompletionSource();
        var run = Task.Run(async () =>
        {
            await gate.Task;
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            using var address = AuditContext.From(actor.Address);
            try
            {
                await capture.ScanAsync(actor, batch.Name, settings, profile, null, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // Stopping: the sheets already stored are kept and recognized at the next start.
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scan into {Batch} stopped", batch.Name);
                activity.Publish(new BatchEvent(batch.Name, "fault", batch.State, 0, 0, 0, null, ex.Message, DateTimeOffset.UtcNow));
            }
            finally
            {
                _running.TryRemove(batch.Name, out _);
            }
        });
        if (!_running.TryAdd(batch.Name, run))
        {
            gate.SetCanceled();
            throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, text["Scan.AlreadyScanning"]);
        }

        gate.SetResult();
    }
}
