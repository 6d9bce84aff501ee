using System.Runtime.InteropServices;

namespace ScanArchive.Ocr;

/// <summary>Tesseract 5 C API (capi.h). C names verbatim; BOOL is int; returned char* must go back to TessDeleteText.</summary>
internal static partial class Interop
{
    internal static partial class Tesseract
    {
        internal const string LibraryName = "libtesseract.so.5";

        // TessPageIteratorLevel
        internal const int RIL_BLOCK = 0;
        internal const int RIL_PARA = 1;
        internal const int RIL_TEXTLINE = 2;
        internal const int RIL_WORD = 3;
        internal const int RIL_SYMBOL = 4;

        // TessOcrEngineMode
        internal const int OEM_TESSERACT_ONLY = 0;
        internal const int OEM_LSTM_ONLY = 1;
        internal const int OEM_DEFAULT = 3;

        [LibraryImport(LibraryName)]
        internal static partial nint TessVersion();

        [LibraryImport(LibraryName)]
        internal static partial void TessDeleteText(nint text);

        [LibraryImport(LibraryName)]
        internal static partial SafeTessBaseApiHandle TessBaseAPICreate();

        [LibraryImport(LibraryName)]
        internal static partial void TessBaseAPIDelete(nint handle);

        [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int TessBaseAPIInit4(
            SafeTessBaseApiHandle handle,
            string? datapath,
            string language,
            int oem,
            nint[]? configs,
            int configsSize,
            nint[]? varsVec,
            nint[]? varsValues,
            nuint varsVecSize,
            int setOnlyNonDebugParams);

        [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int TessBaseAPISetVariable(SafeTessBaseApiHandle handle, string name, string value);

        [LibraryImport(LibraryName)]
        internal static partial void TessBaseAPISetPageSegMode(SafeTessBaseApiHandle handle, int mode);

        [LibraryImport(LibraryName)]
        internal static partial void TessBaseAPISetImage2(SafeTessBaseApiHandle handle, SafePixHandle pix);

        [LibraryImport(LibraryName)]
        internal static partial void TessBaseAPISetSourceResolution(SafeTessBaseApiHandle handle, int ppi);

        [LibraryImport(LibraryName)]
        internal static partial void TessBaseAPISetRectangle(SafeTessBaseApiHandle handle, int left, int top, int width, int height);

        [LibraryImport(LibraryName)]
        internal static partial int TessBaseAPIRecognize(SafeTessBaseApiHandle handle, SafeTessMonitorHandle monitor);

        [LibraryImport(LibraryName)]
        internal static partial SafeTessResultIteratorHandle TessBaseAPIGetIterator(SafeTessBaseApiHandle handle);

        [LibraryImport(LibraryName)]
        internal static partial nint TessBaseAPIGetInitLanguagesAsString(SafeTessBaseApiHandle handle);

        [LibraryImport(LibraryName)]
        internal static partial void TessBaseAPIClear(SafeTessBaseApiHandle handle);

        [LibraryImport(LibraryName)]
        internal static partial void TessBaseAPIEnd(SafeTessBaseApiHandle handle);

        [LibraryImport(LibraryName)]
        internal static partial void TessResultIteratorDelete(nint handle);

        [LibraryImport(LibraryName)]
        internal static partial int TessResultIteratorNext(SafeTessResultIteratorHandle handle, int level);

        [LibraryImport(LibraryName)]
        internal static partial nint TessResultIteratorGetUTF8Text(SafeTessResultIteratorHandle handle, int level);

        [LibraryImport(LibraryName)]
        internal static partial float TessResultIteratorConfidence(SafeTessResultIteratorHandle handle, int level);

        /// <summary>Borrowed pointer into the result iterator; never freed on its own.</summary>
        [LibraryImport(LibraryName)]
        internal static partial nint TessResultIteratorGetPageIterator(SafeTessResultIteratorHandle handle);

        [LibraryImport(LibraryName)]
        internal static partial int TessPageIteratorIsAtBeginningOf(nint pageIterator, int level);

        /// <summary>A second iterator at the same place (to walk a word's characters without moving the first).</summary>
        [LibraryImport(LibraryName)]
        internal static partial SafeTessResultIteratorHandle TessResultIteratorCopy(SafeTessResultIteratorHandle handle);

        [LibraryImport(LibraryName)]
        internal static partial int TessPageIteratorIsAtFinalElement(nint pageIterator, int level, int element);

        [LibraryImport(LibraryName)]
        internal static partial int TessPageIteratorBoundingBox(nint pageIterator, int level, out int left, out int top, out int right, out int bottom);

        /// <summary>Orientation and script detection (needs osd.traineddata, legacy engine). script_name is Tesseract-owned: never freed.</summary>
        [LibraryImport(LibraryName)]
        internal static partial int TessBaseAPIDetectOrientationScript(SafeTessBaseApiHandle handle, out int orient_deg, out float orient_conf, out nint script_name, out float script_conf);

        [LibraryImport(LibraryName)]
        internal static partial SafeTessMonitorHandle TessMonitorCreate();

        [LibraryImport(LibraryName)]
        internal static partial void TessMonitorDelete(nint monitor);

        [LibraryImport(LibraryName)]
        internal static unsafe partial void TessMonitorSetCancelFunc(SafeTessMonitorHandle monitor, delegate* unmanaged<nint, int, byte> cancelFunc);

        [LibraryImport(LibraryName)]
        internal static partial void TessMonitorSetCancelThis(SafeTessMonitorHandle monitor, nint cancelThis);

        // Result renderers (renderer.h through capi.h). The PDF renderer writes <outputbase>.pdf and needs pdf.ttf in datadir.
        [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial SafeTessResultRendererHandle TessPDFRendererCreate(string outputbase, string datadir, int textonly);

        [LibraryImport(LibraryName)]
        internal static partial void TessDeleteResultRenderer(nint renderer);

        [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int TessResultRendererBeginDocument(SafeTessResultRendererHandle renderer, string title);

        /// <summary>Renders the api's current results (from the last Recognize); does not recognize again.</summary>
        [LibraryImport(LibraryName)]
        internal static partial int TessResultRendererAddImage(SafeTessResultRendererHandle renderer, SafeTessBaseApiHandle api);

        [LibraryImport(LibraryName)]
        internal static partial int TessResultRendererEndDocument(SafeTessResultRendererHandle renderer);

        /// <summary>Copies a string Tesseract keeps ownership of (const char* results).</summary>
        internal static string? TakeTextNoFree(nint text) => text == 0 ? null : Marshal.PtrToStringUTF8(text);

        /// <summary>Copies a Tesseract-owned string and frees it.</summary>
        internal static string? TakeText(nint text)
        {
            if (text == 0)
            {
                return null;
            }

            try
            {
                return Marshal.PtrToStringUTF8(text);
            }
            finally
            {
                TessDeleteText(text);
            }
        }
    }
}
