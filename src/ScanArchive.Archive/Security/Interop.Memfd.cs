using System.Runtime.InteropServices;

namespace ScanArchive.Archive;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>MFD_CLOEXEC: the memory file is not inherited by child processes (scan workers).</summary>
        internal const uint MFD_CLOEXEC = 1;

        /// <summary>An anonymous file in memory (Linux 3.17+), for handing decrypted bytes to readers that want a path.</summary>
        [LibraryImport("libc", EntryPoint = "memfd_create", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static partial int memfd_create(string name, uint flags);
    }
}
