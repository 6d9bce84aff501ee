namespace ScanArchive.Capture.Sane;

/// <summary>
/// An open SANE device, one method per SANE call. The seam between driver logic (feeder loop, option matching, frame
/// assembly) and the native library, so that logic can be tested with fakes. Methods return the SANE status
/// instead of throwing; the driver decides what a status means in context.
/// </summary>
internal interface ISaneDevice : IDisposable
{
    /// <summary>The device name it was opened with.</summary>
    string Name { get; }

    /// <summary>All option descriptors (index 1..count-1; group and nameless options included).</summary>
    IReadOnlyList<SaneOption> ReadOptions();

    /// <summary>Current value: bool, double[] (int/fixed) or string; null for buttons and groups.</summary>
    SaneStatus GetValue(SaneOption option, out object? value);

    /// <summary>Sets a value (bool, double[] or string; null presses a button).</summary>
    SaneStatus SetValue(SaneOption option, object? value, out SaneInfo info);

    /// <summary>Lets the device choose the value (SANE_ACTION_SET_AUTO).</summary>
    SaneStatus SetAuto(SaneOption option, out SaneInfo info);

    /// <summary>sane_start: begins the next frame (a page, or one colour of a three-pass page).</summary>
    SaneStatus Start();

    /// <summary>sane_get_parameters for the frame started last.</summary>
    SaneStatus GetParameters(out SaneFrameParameters parameters);

    /// <summary>sane_read: GOOD with data, EOF at the end of the frame, or an error.</summary>
    SaneStatus Read(Span<byte> buffer, out int length);

    /// <summary>sane_cancel: ends the scan (always called after the last page or an error).</summary>
    void Cancel();
}
