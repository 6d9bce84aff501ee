using System.Security.Cryptography;
using ScanArchive.Core.Archive;

namespace ScanArchive.Archive.Storage;

/// <summary>
/// Files under the data folder, written so that a half-written file can never pass for a good one: bytes go to a
/// temporary name in the same file system, are flushed to disk, and only then renamed into place. Records refer to
/// files by path and SHA-256, so <see cref="Verify"/> can tell missing and altered files apart.
/// </summary>
internal sealed class FileStore
{
    private const string TempFolder = "tmp";

    public FileStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(Root, TempFolder));

        // Left by a crash mid-write; never referenced by a record, so safe to clear on open.
        foreach (var stale in Directory.EnumerateFiles(Path.Combine(Root, TempFolder)))
        {
            TryDelete(stale);
        }
    }

    public string Root { get; }

    /// <summary>Stores content under a name derived from its hash (identical content is stored once).</summary>
    public StoredFile PutContentAddressed(string category, ReadOnlySpan<byte> content, string extension)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var relative = $"{category}/{sha[..2]}/{sha}{NormalizeExtension(extension)}";
        var full = FullPath(relative);
        if (!File.Exists(full) || new FileInfo(full).Length != content.Length)
        {
            WriteAtomically(full, content);
        }

        return new StoredFile(relative, sha, content.Length);
    }

    /// <summary>Copies a file in, content-addressed, streaming (originals can be large).</summary>
    public StoredFile PutContentAddressed(string category, string sourcePath, string extension)
    {
        var temp = TempPath();
        string sha;
        long length;
        try
        {
            using (var source = File.OpenRead(sourcePath))
            using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = source.Read(buffer)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    target.Write(buffer, 0, read);
                }

                target.Flush(flushToDisk: true);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                length = target.Length;
            }

            var relative = $"{category}/{sha[..2]}/{sha}{NormalizeExtension(extension)}";
            var full = FullPath(relative);
            MoveIntoPlace(temp, full);
            return new StoredFile(relative, sha, length);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Writes a file at a fixed name (replacing what an interrupted earlier attempt left there).</summary>
    public StoredFile PutNamed(string relative, Action<Stream> write)
    {
        var full = FullPath(relative);
        var temp = TempPath();
        try
        {
            string sha;
            long length;
            using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(target);
                target.Flush(flushToDisk: true);
                length = target.Length;
                target.Position = 0;
                sha = Convert.ToHexStringLower(SHA256.HashData(target));
            }

            MoveIntoPlace(temp, full);
            return new StoredFile(relative, sha, length);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    public string FullPath(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public Stream Open(StoredFile file)
    {
        var full = FullPath(file.Path);
        if (!File.Exists(full))
        {
            throw new ArchiveException(ArchiveProblem.FileMissing, file.Path);
        }

        return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    /// <summary>Null when intact; otherwise whether it is missing (false) or altered (true).</summary>
    public bool? Check(StoredFile file)
    {
        var full = FullPath(file.Path);
        if (!File.Exists(full))
        {
            return false;
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        return sha == file.Sha256 && stream.Length == file.Length ? null : true;
    }

    /// <summary>Every file under the given top-level folders, as relative paths.</summary>
    public IEnumerable<string> Enumerate(params string[] folders) =>
        folders.Select(f => Path.Combine(Root, f))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'));

    private void WriteAtomically(string full, ReadOnlySpan<byte> content)
    {
        var temp = TempPath();
        try
        {
            using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                target.Write(content);
                target.Flush(flushToDisk: true);
            }

            MoveIntoPlace(temp, full);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Renames a finished, flushed temp file to its final name and flushes the directory that now holds it.</summary>
    private static void MoveIntoPlace(string temp, string full)
    {
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        File.Move(temp, full, overwrite: true);
        SyncDirectory(directory);
    }

    /// <summary>
    /// Flushes a directory, so that a file just renamed into it survives a power cut (the file's own fsync covers its
    /// bytes, not its name). Best effort: where the platform or file system cannot, the rename stands as it is.
    /// </summary>
    internal static bool SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var fd = Interop.Libc.open(directory, Interop.Libc.O_RDONLY | Interop.Libc.O_DIRECTORY);
        if (fd < 0)
        {
            return false;
        }

        try
        {
            return Interop.Libc.fsync(fd) == 0;
        }
        finally
        {
            _ = Interop.Libc.close(fd);
        }
    }

    private string TempPath() => Path.Combine(Root, TempFolder, $"{Guid.NewGuid():N}.part");

    private static string NormalizeExtension(string extension) =>
        string.IsNullOrEmpty(extension) ? "" : "." + extension.TrimStart('.').ToLowerInvariant();

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
