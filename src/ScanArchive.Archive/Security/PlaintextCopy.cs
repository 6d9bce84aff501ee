using Microsoft.Win32.SafeHandles;

namespace ScanArchive.Archive.Security;

/// <summary>
/// A decrypted copy of a stored file for a reader that can only open a path (image and PDF decoders). On Linux it is
/// an anonymous memory file (<c>memfd_create</c>) opened through <c>/proc/self/fd/N</c>: the plaintext never gets a
/// name on any disk and vanishes when the copy is disposed. Elsewhere a private temporary file, deleted on dispose.
/// </summary>
internal sealed class PlaintextCopy : IDisposable
{
    private readonly FileStream? _memory;
    private readonly string? _temporary;

    private PlaintextCopy(string path, FileStream? memory, string? temporary)
    {
        Path = path;
        _memory = memory;
        _temporary = temporary;
    }

    /// <summary>Where the reader opens the plaintext.</summary>
    public string Path { get; }

    public static PlaintextCopy Of(Stream plaintext, string scratchFolder)
    {
        if (OperatingSystem.IsLinux())
        {
            var fd = Interop.Libc.memfd_create("scanarchive-plain", Interop.Libc.MFD_CLOEXEC);
            if (fd >= 0)
            {
                // The stream owns the descriptor: it stays open (and the memory file alive) until the copy is disposed.
                var memory = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.ReadWrite, 1 << 16);
                try
                {
                    plaintext.CopyTo(memory, 1 << 16);
                    memory.Flush();
                    return new PlaintextCopy($"/proc/self/fd/{fd}", memory, null);
                }
                catch
                {
                    memory.Dispose();
                    throw;
                }
            }
        }

        var temporary = System.IO.Path.Combine(scratchFolder, $"{Guid.NewGuid():N}.plain");
        using (var target = new FileStream(temporary, PrivateFiles.NewFile()))
        {
            plaintext.CopyTo(target, 1 << 16);
        }

        return new PlaintextCopy(temporary, null, temporary);
    }

    public void Dispose()
    {
        _memory?.Dispose();
        if (_temporary is not null)
        {
            try
            {
                File.Delete(_temporary);
            }
            catch (IOException)
            {
            }
        }
    }
}
