using System.Runtime.InteropServices;

namespace ScanArchive.Imaging;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>
        /// Environment.SetEnvironmentVariable only changes .NET's copy of the environment; TurboJPEG reads its
        /// options (TJ_OPTIMIZE, ...) from the C environment.
        /// </summary>
        [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static partial int setenv(string name, string value, int overwrite);

        [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static partial int unsetenv(string name);
    }
}
