using Microsoft.Win32.SafeHandles;

namespace ScanArchive.Ocr;

/// <summary>A TessResultRenderer; deleting it closes the file it writes.</summary>
internal sealed class SafeTessResultRendererHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeTessResultRendererHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Tesseract.TessDeleteResultRenderer(handle);
        return true;
    }
}
