using System.Runtime.InteropServices;

namespace ScanArchive.Archive;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>O_RDONLY | O_DIRECTORY on Linux (x86-64 and arm64 agree on both).</summary>
        internal const int O_RDONLY = 0;
        internal const int O_DIRECTORY = 0x10000;

        /// <summary>
        /// .NET cannot open a directory as a file, and a rename is only durable once the directory holding it is
        /// flushed: so open(2) + fsync(2) on the directory itself.
        /// </summary>
        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static partial int open(string pathname, int flags);

        [LibraryImport("libc", SetLastError = true)]
        internal static partial int fsync(int fd);

        [LibraryImport("libc", SetLastError = true)]
        internal static partial int close(int fd);
    }
}
