using System.Security.Cryptography;
using ScanArchive.Archive.Security;
using ScanArchive.Core.Archive;

namespace ScanArchive.Archive.Storage;

/// <summary>
/// Files under the data folder, written so that a half-written file can never pass for a good one: bytes go to a
/// temporary name in the same file system, are flushed to disk, and only then renamed into place. Records refer to
/// files by path and SHA-256, so <see cref="Verify"/> can tell missing and altered files apart.
/// </summary>
/// <remarks>
/// With a file key, every file is written encrypted (<see cref="SealedFormat"/>: AES-256-GCM in 64 KiB chunks, so
/// memory stays flat and a cut or altered file is detected) and read back decrypted. Content addressing stays on the
/// SHA-256 of the plaintext: identical content is still stored once, and records and <c>verify</c> keep comparing
/// plaintext hashes. The price is that a file's name is the hash of its plaintext, which lets someone who already
/// holds the very same file confirm that it is archived, and nothing more. Reading sniffs each file, so a folder
/// being migrated (<c>encrypt</c>) is readable throughout. Folders and files are created private (0700/0600).
/// </remarks>
internal sealed class FileStore
{
    private const string TempFolder = "tmp";
    private readonly byte[]? _key;

    public FileStore(string root, byte[]? fileKey = null)
    {
        Root = Path.GetFullPath(root);
        _key = fileKey;
        PrivateFiles.CreateFolder(Path.Combine(Root, TempFolder));

        // Left by a crash mid-write; never referenced by a record, so safe to clear on open.
        foreach (var stale in Directory.EnumerateFiles(Path.Combine(Root, TempFolder)))
        {
            TryDelete(stale);
        }
    }

    public string Root { get; }

    /// <summary>True when files are written encrypted.</summary>
    public bool Encrypted => _key is not null;

    /// <summary>Stores content under a name derived from its hash (identical content is stored once).</summary>
    public StoredFile PutContentAddressed(string category, ReadOnlySpan<byte> content, string extension)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var relative = $"{category}/{sha[..2]}/{sha}{NormalizeExtension(extension)}";
        var full = FullPath(relative);
        if (!File.Exists(full) || new FileInfo(full).Length != StoredLength(content.Length))
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
            using (var file = new FileStream(temp, PrivateFiles.NewFile()))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var target = Writer(file);
                var buffer = new byte[1 << 16];
                int read;
                length = 0;
                while ((read = source.Read(buffer)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    target.Write(buffer, 0, read);
                    length += read;
                }

                Finish(target, file);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
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
            using (var target = new FileStream(temp, PrivateFiles.NewFile(FileAccess.ReadWrite)))
            {
                if (_key is not null)
                {
                    // Writers such as PdfPig's read their output back (a PDF's ID is a hash of it), so the plaintext is
                    // composed in memory, never in a file, and sealed from there.
                    using var plain = new MemoryStream();
                    write(plain);
                    plain.Position = 0;
                    using var sealing = new SealingStream(target, _key, leaveOpen: true);
                    plain.CopyTo(sealing, 1 << 16);
                    Finish(sealing, target);
                    length = sealing.Length;
                    sha = sealing.Sha256;
                }
                else
                {
                    write(target);
                    target.Flush(flushToDisk: true);
                    length = target.Length;
                    target.Position = 0;
                    sha = Convert.ToHexStringLower(SHA256.HashData(target));
                }
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

        return Reader(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
    }

    /// <summary>
    /// Encrypts one plain file in place (for migrating a folder): the encrypted copy is written and flushed under a
    /// temporary name, then renamed over the plain one, so the file is whole at every moment. False when it already
    /// was encrypted (a resumed migration skips it).
    /// </summary>
    public bool SealInPlace(string relative)
    {
        if (_key is null)
        {
            throw new InvalidOperationException("The store has no file key.");
        }

        var full = FullPath(relative);
        if (SealedFormat.IsSealed(full))
        {
            return false;
        }

        var temp = TempPath();
        try
        {
            using (var source = File.OpenRead(full))
            using (var file = new FileStream(temp, PrivateFiles.NewFile()))
            {
                var target = Writer(file);
                source.CopyTo(target, 1 << 16);
                Finish(target, file);
            }

            MoveIntoPlace(temp, full);
            return true;
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Null when intact; otherwise whether it is missing (false) or altered (true).</summary>
    public bool? Check(StoredFile file)
    {
        var full = FullPath(file.Path);
        if (!File.Exists(full))
        {
            return false;
        }

        try
        {
            using var stream = Open(file);
            var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            return sha == file.Sha256 && stream.Length == file.Length ? null : true;
        }
        catch (CryptographicException)
        {
            return true; // an encrypted file whose bytes fail authentication was altered (or cut short)
        }
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
            using (var file = new FileStream(temp, PrivateFiles.NewFile()))
            {
                var target = Writer(file);
                target.Write(content);
                Finish(target, file);
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
        if (!Directory.Exists(directory))
        {
            PrivateFiles.CreateFolder(directory);
        }

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

    /// <summary>The stream content is written through: the file itself, or an encrypting layer over it.</summary>
    private Stream Writer(FileStream file) => _key is null ? file : new SealingStream(file, _key, leaveOpen: true);

    /// <summary>Seals the last chunk (when encrypting) and flushes the file to disk.</summary>
    private static void Finish(Stream target, FileStream file)
    {
        if (target is SealingStream sealing)
        {
            sealing.Complete();
            sealing.Dispose();
        }

        file.Flush(flushToDisk: true);
    }

    /// <summary>A stored file read as its plaintext: decrypted when it is encrypted (sniffed, so a half-migrated folder reads).</summary>
    private Stream Reader(FileStream file)
    {
        Span<byte> start = stackalloc byte[8];
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        file.Position = 0;
        if (read == start.Length && SealedFormat.HasMagic(start))
        {
            if (_key is null)
            {
                file.Dispose();
                throw new CryptographicException("The file is encrypted and the archive was opened without a key.");
            }

            return new UnsealingStream(file, _key);
        }

        return file;
    }

    /// <summary>Bytes on disk for <paramref name="length"/> bytes of content.</summary>
    private long StoredLength(long length) => _key is null ? length : SealedFormat.SealedLength(length, SealedFormat.DefaultChunkSize);

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
