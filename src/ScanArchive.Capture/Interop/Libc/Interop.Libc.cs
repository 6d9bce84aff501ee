using System.Runtime.InteropServices;

namespace ScanArchive.Capture;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>
        /// SANE reads SANE_CONFIG_DIR from the C environment at sane_init; Environment.SetEnvironmentVariable only
        /// changes .NET's copy, so the variable goes through libc.
        /// </summary>
        [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static partial int setenv(string name, string value, int overwrite);

        /// <summary>Used by the scan worker to keep a private copy of stdout for its protocol.</summary>
        [LibraryImport("libc", SetLastError = true)]
        internal static partial int dup(int oldfd);

        /// <summary>Used by the scan worker to point fd 1 at stderr so stray native printf output cannot corrupt the protocol.</summary>
        [LibraryImport("libc", SetLastError = true)]
        internal static partial int dup2(int oldfd, int newfd);
    }
}
