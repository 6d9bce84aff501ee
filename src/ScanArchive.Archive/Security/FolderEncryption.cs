using LiteDB;
using ScanArchive.Archive.Storage;
using ScanArchive.Core.Archive;

namespace ScanArchive.Archive.Security;

/// <summary>
/// Encrypts an existing plain data folder in place. Every step replaces whole files (written and flushed under a
/// temporary name, then renamed), and every step recognizes its own finished work, so an interrupted run leaves a
/// readable folder and the next run carries on where it stopped.
/// </summary>
public static class FolderEncryption
{
    private const string DatabaseFile = "archive.db";
    private const string LogFile = "archive-log.db";
    private const string LockFile = "scanarchive.lock";

    /// <summary>What one run did.</summary>
    /// <param name="FilesEncrypted">Stored files encrypted in this run.</param>
    /// <param name="DatabaseEncrypted">True when the database was converted in this run (false: it already was).</param>
    public sealed record Outcome(int FilesEncrypted, bool DatabaseEncrypted);

    /// <summary>
    /// Encrypts the stored files, converts the database and removes the plain search index (rebuild it afterwards,
    /// encrypted). Holds the data folder's lock throughout.
    /// </summary>
    /// <exception cref="ArchiveException">Another program holds the folder.</exception>
    public static Outcome Run(string dataFolder, DataKey key, string searchIndexFolder, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var root = Path.GetFullPath(dataFolder);
        FileStream folderLock;
        try
        {
            folderLock = new FileStream(Path.Combine(root, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new ArchiveException(ArchiveProblem.Locked, root, null, ex);
        }

        using (folderLock)
        {
            PrivateFiles.CreateFolder(root);
            var files = new FileStore(root, key.FileKey);
            var encrypted = 0;
            foreach (var relative in files.Enumerate("originals", "pages", "text", "entries"))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (files.SealInPlace(relative))
                {
                    encrypted++;
                    progress?.Report(relative);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var converted = EncryptDatabase(root, key.DatabasePassword);
            if (Directory.Exists(searchIndexFolder))
            {
                foreach (var file in Directory.EnumerateFiles(searchIndexFolder))
                {
                    File.Delete(file);
                }
            }

            foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
            {
                if (Directory.Exists(path))
                {
                    PrivateFiles.CreateFolder(path);
                }
                else
                {
                    PrivateFiles.MakeFilePrivate(path);
                }
            }

            return new Outcome(encrypted, converted);
        }
    }

    /// <summary>
    /// Copies the plain database, collection by collection with its indexes, into a new encrypted file, then renames
    /// it over the plain one. False when the database already opens with the password (an earlier run finished it).
    /// </summary>
    private static bool EncryptDatabase(string root, string password)
    {
        var path = Path.Combine(root, DatabaseFile);
        if (!File.Exists(path) || OpensWith(path, password))
        {
            return false;
        }

        var temp = Path.Combine(root, DatabaseFile + ".encrypting");
        File.Delete(temp);
        File.Delete(Path.Combine(root, "archive.db.encrypting-log.db"));
        using (var plain = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        {
            plain.Checkpoint();
            using var target = new LiteDatabase(new ConnectionString { Filename = temp, Connection = ConnectionType.Direct, Password = password });
            var indexes = plain.GetCollection("$indexes").FindAll().ToList();
            foreach (var name in plain.GetCollectionNames().ToList())
            {
                var source = plain.GetCollection(name);
                var copy = target.GetCollection(name);
                foreach (var index in indexes.Where(i => i["collection"].AsString == name && i["name"].AsString != "_id"))
                {
                    copy.EnsureIndex(index["name"].AsString, BsonExpression.Create(index["expression"].AsString), index["unique"].AsBoolean);
                }

                copy.InsertBulk(source.FindAll());
            }

            target.Checkpoint();
        }

        using (var flush = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite))
        {
            flush.Flush(flushToDisk: true);
        }

        // The plain log was merged by the checkpoint; a leftover one must not be replayed into the encrypted file.
        File.Delete(Path.Combine(root, LogFile));
        PrivateFiles.MakeFilePrivate(temp);
        File.Move(temp, path, overwrite: true);
        FileStore.SyncDirectory(root);
        return true;
    }

    private static bool OpensWith(string path, string password)
    {
        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Password = password, ReadOnly = true });
            _ = db.GetCollectionNames().ToList();
            return true;
        }
        catch (LiteException)
        {
            return false;
        }
    }
}
