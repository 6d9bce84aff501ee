using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using ScanArchive.Application;
using ScanArchive.Application.Auditing;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Capture;
using ScanArchive.Application.Processing;
using ScanArchive.Application.Review;
using ScanArchive.Capture.Profiles;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Capture;
using ScanArchive.Web.Security;

namespace ScanArchive.Web.Components.Workstation;

/// <summary>
/// The clerk's capture screen: scan settings (a profile or device, source, mode, resolution), a scan started in the
/// background (<see cref="ScanJobs"/>) or files dropped for upload, each sheet shown the moment it is stored and again
/// with its QC verdict once recognized, a fault with "continue", rescan requests, and "send to review".
/// </summary>
public sealed partial class CaptureWorkspace
{
    /// <summary>Width of the live thumbnails, in CSS pixels (the server makes JPEGs this wide).</summary>
    private const int ThumbnailWidth = 120;

    /// <summary>Largest file the upload box takes (the API's own limit per request is larger; one sheet is far below).</summary>
    private const long MaxUploadBytes = 256L * 1024 * 1024;

    private const int MaxUploadFiles = 200;

    private readonly CancellationTokenSource _stop = new();
    private Actor? _actor;
    private BatchDetails? _batch;
    private IReadOnlyList<DocumentView> _documents = [];
    private IReadOnlyList<PageView> _pages = [];
    private IReadOnlyList<ScanProfile> _profiles = [];
    private IReadOnlyList<ScanDeviceInfo>? _devices;
    private IReadOnlyList<RescanRequest> _rescans = [];
    private IReadOnlyList<AuditRecord> _watchActivity = [];
    private string _batchName = "";
    private string _profile = "";
    private string _device = "test:0";
    private ScanSource _source = ScanSource.Feeder;
    private ColorMode _mode = ColorMode.Gray;
    private int _dpi = 300;
    private string _options = "";
    private bool _scanning;
    private string? _fault;
    private string? _message;
    private string? _error;
    private string? _uploadNote;
    private DateTimeOffset? _firstSheetAt;
    private Task? _watching;
    private string? _watchedBatch;

    [Parameter]
    public string? Address { get; set; }

    [Parameter]
    public string? InitialBatch { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private BatchService Batches { get; set; } = default!;

    [Inject]
    private ScanJobs Scans { get; set; } = default!;

    [Inject]
    private CaptureService Capture { get; set; } = default!;

    [Inject]
    private UploadService Uploads { get; set; } = default!;

    [Inject]
    private ReviewService Review { get; set; } = default!;

    [Inject]
    private AuditService AuditLog { get; set; } = default!;

    [Inject]
    private BatchActivity Activity { get; set; } = default!;

    [Inject]
    private DataFolderLayout Layout { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private double PagesPerMinute => _firstSheetAt is { } first && _pages.Count > 0 && (Clock.GetUtcNow() - first).TotalMinutes is var minutes && minutes > 0
        ? _pages.Count / Math.Max(minutes, 1.0 / 60)
        : 0;

    protected override async Task OnInitializedAsync()
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        _actor = WorkstationClaims.ActorOf(user, Address);
        _batchName = string.IsNullOrWhiteSpace(InitialBatch) ? $"scan-{Clock.GetLocalNow():yyyyMMdd-HHmm}" : InitialBatch.Trim();
        _profiles = new ScanProfileStore(Layout.Profiles).List();
        _rescans = Review.RescanRequests(_actor);
        if (_actor.Can(Permission.ReadAudit))
        {
            _watchActivity = AuditLog.Query(_actor, new AuditQuery { Action = "watch", Take = 10 });
        }

        if (!string.IsNullOrWhiteSpace(InitialBatch))
        {
            Reload();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            // The device list takes a moment (a worker process asks SANE): the screen is usable before it arrives.
            try
            {
                _devices = await Capture.DevicesAsync(_actor!, _stop.Token);
                if (_devices.Count > 0 && _devices.All(d => d.Name != _device))
                {
                    _device = _devices[0].Name;
                }
            }
            catch (Exception ex) when (Api.ApiProblems.Classify(ex) is not null || ex is ScanException or IOException or InvalidOperationException)
            {
                _devices = [];
                _error = ex.Message;
            }

            StateHasChanged();
        }
    }

    private Task StartAsync() => ScanAsync(continuing: false);

    private Task ContinueAsync() => ScanAsync(continuing: true);

    private Task ScanAsync(bool continuing)
    {
        _error = null;
        _message = null;
        try
        {
            EnsureBatch();
            var profile = string.IsNullOrEmpty(_profile) ? null : _profiles.FirstOrDefault(p => p.Name == _profile);
            var settings = profile?.ToScanSettings(string.IsNullOrEmpty(_device) ? null : _device) ?? new ScanSettings
            {
                Device = _device,
                Source = _source,
                Dpi = _dpi,
                Mode = _mode,
                Options = ParseOptions(_options),
            };
            if (continuing)
            {
                // The operator fixed the device: the fault is gone from the screen, the sheets before it stay.
                _fault = null;
            }

            Watch();
            Scans.Start(_actor!, _batchName, settings, profile?.Name);
            _scanning = true;
            _firstSheetAt ??= Clock.GetUtcNow();
        }
        catch (Exception ex) when (Api.ApiProblems.Classify(ex) is not null)
        {
            _error = ex.Message;
        }

        return Task.CompletedTask;
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        _error = null;
        try
        {
            EnsureBatch();
            Watch();
            var files = e.GetMultipleFiles(MaxUploadFiles);
            var buffered = new List<(string Name, byte[] Bytes)>();
            foreach (var file in files)
            {
                await using var stream = file.OpenReadStream(MaxUploadBytes, _stop.Token);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, _stop.Token);
                buffered.Add((file.Name, copy.ToArray()));
            }

            _firstSheetAt ??= Clock.GetUtcNow();
            var result = await Uploads.ReceiveAsync(_actor!, _batchName, buffered.Select(b => new UploadFile(b.Name, () => new MemoryStream(b.Bytes, writable: false))).ToList(), _stop.Token);
            _uploadNote = T["Capture.Uploaded", result.Imported.Count, result.Refused.Count];
            if (result.Refused.Count > 0)
            {
                _error = string.Join(Environment.NewLine, result.Refused.Select(r => r.Message));
            }

            Reload();
        }
        catch (Exception ex) when (Api.ApiProblems.Classify(ex) is not null || ex is IOException)
        {
            _error = ex.Message;
        }
    }

    private void SendToReview()
    {
        _error = null;
        try
        {
            var batch = Batches.Find(_actor!, _batchName);
            var moved = Capture.FinishCapture(_actor!, batch.Id);
            _message = moved.State == BatchState.ReadyForReview ? T["Capture.Sent", moved.Name] : T["Capture.NotYet"];
            Reload();
        }
        catch (Exception ex) when (Api.ApiProblems.Classify(ex) is not null)
        {
            _error = ex.Message;
        }
    }

    private void EnsureBatch()
    {
        _batchName = _batchName.Trim();
        try
        {
            Batches.Find(_actor!, _batchName);
        }
        catch (ArchiveException ex) when (ex.Problem == ArchiveProblem.BatchNotFound)
        {
            Batches.Create(_actor!, _batchName, string.IsNullOrEmpty(_profile) ? null : _profile);
        }
    }

    private void Reload()
    {
        try
        {
            _batch = Batches.Get(_actor!, _batchName);
            _documents = _batch.Documents;
            _pages = _batch.Documents.SelectMany(d => d.Pages).ToList();
            _scanning = Scans.IsScanning(_batch.Name);
        }
        catch (Exception ex) when (Api.ApiProblems.Classify(ex) is not null)
        {
            _error = ex.Message;
        }
    }

    /// <summary>Follows the batch's events (sheets stored, pages recognized, faults) and redraws on each.</summary>
    private void Watch()
    {
        if (_watchedBatch == _batchName && _watching is { IsCompleted: false })
        {
            return;
        }

        _watchedBatch = _batchName;
        var name = _batchName;
        _watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in Activity.WatchAsync(name, _stop.Token))
                {
                    await InvokeAsync(() =>
                    {
                        if (e.Kind == "fault")
                        {
                            _fault = e.Message;
                        }

                        Reload();
                        if (e.Kind is "done" or "fault")
                        {
                            _scanning = Scans.IsScanning(name);
                        }

                        StateHasChanged();
                    });
                }
            }
            catch (OperationCanceledException)
            {
                // The screen was closed.
            }
        });
    }

    private static List<DeviceOptionSetting> ParseOptions(string text) =>
        text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.Split('=', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Length > 0)
            .Select(p => new DeviceOptionSetting(p[0].Trim(), p[1].Trim()))
            .ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
