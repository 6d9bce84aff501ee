using Microsoft.Win32.SafeHandles;
using ScanArchive.Capture.Sane;

namespace ScanArchive.Capture;

/// <summary>An open SANE device (sane_open). Closing goes through the SANE thread, even from the finalizer.</summary>
internal sealed class SafeSaneDeviceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeSaneDeviceHandle()
        : base(ownsHandle: true)
    {
    }

    public SafeSaneDeviceHandle(nint handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        // sane_close must not run concurrently with other SANE calls; from the finalizer thread we only queue it.
        SaneThread.Post(() => Interop.Sane.sane_close(h));
        return true;
    }
}
