using Microsoft.Win32.SafeHandles;

namespace ScanArchive.Imaging;

internal sealed class SafeTurboJpegHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeTurboJpegHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => Interop.TurboJpeg.tjDestroy(handle) == 0;
}
