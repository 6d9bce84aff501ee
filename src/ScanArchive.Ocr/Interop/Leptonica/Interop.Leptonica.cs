using System.Runtime.InteropServices;

namespace ScanArchive.Ocr;

/// <summary>The few Leptonica functions the OCR pipeline needs: building a PIX, deskew, scaling, connected components.</summary>
internal static partial class Interop
{
    internal static partial class Leptonica
    {
        internal const string LibraryName = "liblept.so.5";

        // L_SEVERITY_NONE: Leptonica otherwise prints warnings for every odd image to stderr.
        internal const int L_SEVERITY_NONE = 6;

        [LibraryImport(LibraryName)]
        internal static partial int setMsgSeverity(int newsev);

        [LibraryImport(LibraryName)]
        internal static partial SafePixHandle pixCreate(int width, int height, int depth);

        [LibraryImport(LibraryName)]
        internal static partial void pixDestroy(ref nint ppix);

        [LibraryImport(LibraryName)]
        internal static partial nint pixGetData(SafePixHandle pix);

        [LibraryImport(LibraryName)]
        internal static partial int pixGetWpl(SafePixHandle pix);

        [LibraryImport(LibraryName)]
        internal static partial int pixGetWidth(SafePixHandle pix);

        [LibraryImport(LibraryName)]
        internal static partial int pixGetHeight(SafePixHandle pix);

        [LibraryImport(LibraryName)]
        internal static partial int pixGetDepth(SafePixHandle pix);

        [LibraryImport(LibraryName)]
        internal static partial int pixSetResolution(SafePixHandle pix, int xres, int yres);

        [LibraryImport(LibraryName)]
        internal static partial SafePixHandle pixDeskewGeneral(SafePixHandle pixs, int redsweep, float sweeprange, float sweepdelta, int redsearch, int thresh, out float pangle, out float pconf);

        [LibraryImport(LibraryName)]
        internal static partial int pixFindSkewSweepAndSearch(SafePixHandle pixs, out float pangle, out float pconf, int redsweep, int redsearch, float sweeprange, float sweepdelta, float minbsdelta);

        // pixRotate: type L_ROTATE_AREA_MAP = 1, incolor L_BRING_IN_WHITE = 1; angle in radians.
        internal const int L_ROTATE_AREA_MAP = 1;
        internal const int L_BRING_IN_WHITE = 1;

        [LibraryImport(LibraryName)]
        internal static partial SafePixHandle pixRotate(SafePixHandle pixs, float angle, int type, int incolor, int width, int height);

        [LibraryImport(LibraryName)]
        internal static partial SafePixHandle pixScale(SafePixHandle pixs, float scalex, float scaley);

        [LibraryImport(LibraryName)]
        internal static partial SafePixHandle pixConvertTo1(SafePixHandle pixs, int threshold);

        [LibraryImport(LibraryName)]
        internal static partial SafeBoxaHandle pixConnCompBB(SafePixHandle pixs, int connectivity);

        [LibraryImport(LibraryName)]
        internal static partial int boxaGetCount(SafeBoxaHandle boxa);

        [LibraryImport(LibraryName)]
        internal static partial int boxaGetBoxGeometry(SafeBoxaHandle boxa, int index, out int x, out int y, out int w, out int h);

        [LibraryImport(LibraryName)]
        internal static partial void boxaDestroy(ref nint pboxa);

        /// <summary>
        /// Up/down confidence from ascender and descender counts (1 bpp, deskewed Roman text, 150–300 ppi): positive =
        /// upright. pleftconf may be 0 (null) to skip the left/right test; mincount 0 = Leptonica's default.
        /// </summary>
        [LibraryImport(LibraryName)]
        internal static partial int pixOrientDetect(SafePixHandle pixs, out float pupconf, nint pleftconf, int mincount, int debug);
    }
}
