using Microsoft.Win32.SafeHandles;

namespace ScanArchive.Ocr;

internal sealed class SafePixHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafePixHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        var pix = handle;
        Interop.Leptonica.pixDestroy(ref pix);
        return true;
    }
}

internal sealed class SafeBoxaHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeBoxaHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        var boxa = handle;
        Interop.Leptonica.boxaDestroy(ref boxa);
        return true;
    }
}
