using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Capture.Profiles;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Capture;
using ScanArchive.Core.Text;

namespace ScanArchive.Application.Capture;

/// <summary>
/// Scans behind a request that returns at once (<see cref="CaptureService.ScanAsync"/> in the background): one scan
/// per batch at a time, in the starter's language, with their name and address in the audit, and a status per batch.
/// Stopping the host cancels the scans; sheets already stored are still recognized (or resumed at the next start).
/// </summary>
public sealed class ScanJobs(
    CaptureService capture,
    BatchService batches,
    ProcessingService processing,
    BatchActivity activity,
    DataFolderLayout layout,
    TimeProvider clock,
    ILogger<ScanJobs> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ScanJobStatus> _status = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Starts scanning into the batch and returns its status (running). Refused when the batch does not exist or is
    /// not visible to the actor, cannot take new sheets (approved, committed), is being scanned already, or the
    /// profile is unknown. The batch is opened for capture at once (a batch in review goes back to capturing).
    /// </summary>
    /// <param name="actor">Who scans.</param>
    /// <param name="batchName">The batch (must exist).</param>
    /// <param name="settings">Device, source, resolution, mode, options.</param>
    /// <param name="profileName">The profile pages are judged with; null: the batch's own (else the default).</param>
    public ScanJobStatus Start(Actor actor, string batchName, ScanSettings settings, string? profileName = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(settings);
        actor.Require(Permission.Capture);
        var culture = CultureInfo.CurrentUICulture;
        var batch = batches.Find(actor, batchName);
        var profile = profileName is null
            ? processing.ProfileOf(batch)
            : new ScanProfileStore(layout.Profiles).Find(profileName)
              ?? throw new ArgumentException(UserMessages.Pick($"没有名为“{profileName}”的扫描配置。", $"There is no scan profile named '{profileName}'.", culture), nameof(profileName));
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);

        var gate = new TaskCompletionSource();
        var run = Task.Run(async () =>
        {
            await gate.Task.ConfigureAwait(false);
            await RunAsync(actor, batch.Name, settings, profile, culture).ConfigureAwait(false);
        });
        if (!_running.TryAdd(batch.Name, run))
        {
            gate.SetCanceled();
            throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name,
                UserMessages.Pick("这个批次正在扫描，请等本次扫描结束。", "This batch is being scanned already; wait for that scan to end.", culture));
        }

        try
        {
            // Refused here (409 to the caller) rather than as a fault later: the batch must take new sheets.
            batches.OpenForCapture(actor, batch.Name);
        }
        catch
        {
            gate.SetCanceled();
            _running.TryRemove(batch.Name, out _);
            throw;
        }

        var status = new ScanJobStatus(batch.Name, settings.Device, actor.UserName, clock.GetUtcNow(), ScanJobState.Running, 0, null, null);
        _status[batch.Name] = status;
        gate.SetResult();
        return status;
    }

    /// <summary>The latest scan of the batch (running or ended), or null when none ran since the host started.</summary>
    public ScanJobStatus? Status(Actor actor, string batchName)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var batch = batches.Find(actor, batchName);
        return _status.GetValueOrDefault(batch.Name);
    }

    /// <summary>True while a scan into the batch runs.</summary>
    public bool IsScanning(string batchName) => _running.ContainsKey(batchName);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops the scans and waits for the sheets already stored to be recognized (bounded by the host's timeout).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout passed: what is stored is resumed at the next start.
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(Actor actor, string batchName, ScanSettings settings, ScanProfile profile, CultureInfo culture)
    {
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        var sheets = new SheetCounter(this, batchName);
        try
        {
            var outcome = await capture.ScanAsync(actor, batchName, settings, profile, sheets, _stopping.Token).ConfigureAwait(false);
            End(batchName, outcome.Fault is null ? ScanJobState.Done : ScanJobState.Fault, outcome.Fault?.MessageIn(culture));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            End(batchName, ScanJobState.Stopped, null);
        }
        catch (Exception ex)
        {
            // Not a scanner fault (those end the run normally): the archive or the worker failed. People watching see it.
            logger.LogError(ex, "Scan into {Batch} stopped", batchName);
            End(batchName, ScanJobState.Fault, ex.Message);
            activity.Publish(new BatchEvent(batchName, "fault", StateOf(actor, batchName), 0, 0, 0, null, ex.Message, clock.GetUtcNow()));
        }
        finally
        {
            _running.TryRemove(batchName, out _);
        }
    }

    private BatchState StateOf(Actor actor, string batchName)
    {
        try
        {
            return batches.Find(actor, batchName).State;
        }
        catch (ArchiveException)
        {
            return BatchState.Capturing;
        }
    }

    private void End(string batchName, ScanJobState state, string? message) =>
        _status.AddOrUpdate(batchName, _ => throw new InvalidOperationException("A scan ended that never started."),
            (_, s) => s with { State = state, Message = message, EndedAt = clock.GetUtcNow() });

    /// <summary>Counts stored sheets into the status as they arrive (synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class SheetCounter(ScanJobs jobs, string batchName) : IProgress<ScannedSheet>
    {
        public void Report(ScannedSheet value) =>
            jobs._status.AddOrUpdate(batchName, _ => throw new InvalidOperationException("A sheet arrived for a scan that never started."), (_, s) => s with { Sheets = s.Sheets + 1 });
    }
}
