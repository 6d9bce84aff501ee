using System.Globalization;
using Microsoft.AspNetCore.Components;
using ScanArchive.Application.Capture;
using ScanArchive.Application.Review;
using ScanArchive.Core.Capture;
using ScanArchive.Web.Api;

namespace ScanArchive.Web.Components.Review;

/// <summary>Rescan in place: ask the clerk, or scan the sheet now on a scanner of this workstation.</summary>
public sealed partial class ReviewWorkspace
{
    private IReadOnlyList<ScanDeviceInfo>? _rescanDevices;
    private bool _rescanning;

    [Inject]
    private CaptureService Capture { get; set; } = default!;

    [Inject]
    private RescanNowService RescanNow { get; set; } = default!;

    private Task OpenRescanAsync()
    {
        if (CurrentPage is null || !Supports(PageOperation.Rescan))
        {
            return Task.CompletedTask;
        }

        OpenDialog(Dialog.Rescan);

        // Looking for scanners takes a moment (a worker process asks SANE): the dialog is usable meanwhile.
        _ = LoadScannersAsync();
        return Task.CompletedTask;
    }

    private async Task LoadScannersAsync()
    {
        if (_rescanDevices is { Count: > 0 })
        {
            return;
        }

        try
        {
            _rescanDevices = await Capture.DevicesAsync(_actor!, _stop.Token);
        }
        catch (ScanException)
        {
            _rescanDevices = [];
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await InvokeAsync(StateHasChanged);
    }

    private Task RequestRescanAsync(string? reason)
    {
        var page = CurrentPage;
        _dialog = Dialog.None;
        if (page is not null && Try(() => Review.RequestRescan(_actor!, Batch, page.Id, reason, null)))
        {
            Refresh();
            Say(T["ReviewUi.Done.Rescan", page.Number]);
        }

        _focus = Focus.Screen;
        return Task.CompletedTask;
    }

    private async Task ScanNowAsync((string Device, int Dpi) choice)
    {
        var page = CurrentPage;
        if (page is null || _rescanning)
        {
            return;
        }

        _rescanning = true;
        _dialogError = null;
        StateHasChanged();
        try
        {
            await RescanNow.ScanAsync(_actor!, Batch, page.Id, new ScanSettings { Device = choice.Device, Dpi = choice.Dpi }, null, _stop.Token);
            _dialog = Dialog.None;
            _focus = Focus.Screen;
            Refresh();
            Say(T["ReviewUi.Done.RescanNow", page.Number]);
        }
        catch (ScanException ex)
        {
            // What happened and what to do; the page is unchanged, so the reviewer may fix the scanner and try again.
            _dialogError = ScanMessages.Fault(ex.Fault, null, null, CultureInfo.CurrentUICulture);
        }
        catch (Exception ex) when (ApiProblems.Classify(ex) is not null)
        {
            _dialogError = ex.Message;
        }
        finally
        {
            _rescanning = false;
        }
    }
}
