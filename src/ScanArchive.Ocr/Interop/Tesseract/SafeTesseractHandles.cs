using Microsoft.Win32.SafeHandles;

namespace ScanArchive.Ocr;

internal sealed class SafeTessBaseApiHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeTessBaseApiHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Tesseract.TessBaseAPIDelete(handle);
        return true;
    }
}

internal sealed class SafeTessResultIteratorHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeTessResultIteratorHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Tesseract.TessResultIteratorDelete(handle);
        return true;
    }
}

internal sealed class SafeTessMonitorHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeTessMonitorHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Tesseract.TessMonitorDelete(handle);
        return true;
    }
}
