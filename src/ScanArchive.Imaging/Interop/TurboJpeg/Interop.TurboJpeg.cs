using System.Runtime.InteropServices;

namespace ScanArchive.Imaging;

/// <summary>The TurboJPEG 2.1 compression calls (libturbojpeg0 on Debian 12; see tools/prerequisites.sh).</summary>
internal static partial class Interop
{
    internal static partial class TurboJpeg
    {
        internal const string LibraryName = "libturbojpeg.so.0";

        // enum TJPF
        internal const int TJPF_RGB = 0;
        internal const int TJPF_GRAY = 6;

        // enum TJSAMP
        internal const int TJSAMP_420 = 2;
        internal const int TJSAMP_GRAY = 3;

        // Without it TurboJPEG compresses below quality 96 with the fast integer DCT; libjpeg (and ImageMagick's writer
        // before us) use the accurate one.
        internal const int TJFLAG_ACCURATEDCT = 4096;

        [LibraryImport(LibraryName)]
        internal static partial SafeTurboJpegHandle tjInitCompress();

        /// <summary><paramref name="jpegBuf"/> starts at 0 so TurboJPEG allocates it; free it with <see cref="tjFree"/>.</summary>
        [LibraryImport(LibraryName)]
        internal static partial int tjCompress2(
            SafeTurboJpegHandle handle,
            byte[] srcBuf,
            int width,
            int pitch,
            int height,
            int pixelFormat,
            ref nint jpegBuf,
            ref CULong jpegSize,
            int jpegSubsamp,
            int jpegQual,
            int flags);

        [LibraryImport(LibraryName)]
        internal static partial void tjFree(nint buffer);

        [LibraryImport(LibraryName)]
        internal static partial int tjDestroy(nint handle);

        /// <summary>The message of the last error on <paramref name="handle"/> (a static string inside the instance).</summary>
        [LibraryImport(LibraryName)]
        internal static partial nint tjGetErrorStr2(SafeTurboJpegHandle handle);
    }
}
