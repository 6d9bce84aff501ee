using System.Runtime.InteropServices;

namespace ScanArchive.Ocr;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>
        /// Environment.SetEnvironmentVariable only changes .NET's copy of the environment; native code (OpenMP in
        /// libtesseract) reads the C environment, so variables it needs go through libc.
        /// </summary>
        [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static partial int setenv(string name, string value, int overwrite);
    }
}
