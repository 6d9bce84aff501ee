using ScanArchive.Archive.Security;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;

namespace ScanArchive.Application.Keys;

/// <summary>Key rotation and the status of encryption, for administrators.</summary>
public sealed class KeyService(ArchiveHost host)
{
    /// <summary>Whether the folder is encrypted, and where its key is looked for.</summary>
    public KeyStatus Status(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManageAccounts);
        _ = host.Store; // a new folder gets its keys on first opening; a wrong key stops here
        return new KeyStatus(host.Layout.Root, KeyRing.IsEncrypted(host.Layout.Root), KeyRing.KeyPlace(host.Layout.Root, host.KeyOptions));
    }

    /// <summary>
    /// Re-wraps the data key under a new key-encryption key (<see cref="KeyRing.Rotate"/>) and audits it. The archive
    /// is opened first, so a wrong key or a running server stops it before anything changes.
    /// </summary>
    public KeyRotation Rotate(Actor actor, string? newKeyFile = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManageAccounts);
        var store = host.Store;
        var (place, fingerprint) = KeyRing.Rotate(host.Layout.Root, host.KeyOptions, newKeyFile);
        store.Audit(new AuditEvent(actor.UserName, "keys.rotate", host.Layout.Root, $"new key {fingerprint} in {place}", actor.Address));
        return new KeyRotation(place, fingerprint);
    }

    /// <summary>
    /// Encrypts a plain data folder in place (files, database, search index), resumable; the archive must not be
    /// open in this process yet, nor held by another one. Null when it already was encrypted.
    /// </summary>
    public FolderEncryption.Outcome? Encrypt(Actor actor, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ManageAccounts);
        using var key = KeyRing.BeginMigration(host.Layout.Root, host.KeyOptions);
        if (key is null)
        {
            return null;
        }

        var outcome = FolderEncryption.Run(host.Layout.Root, key, host.Layout.SearchIndex, progress, cancellationToken);
        KeyRing.FinishMigration(host.Layout.Root);
        host.Store.Audit(new AuditEvent(actor.UserName, "archive.encrypt", host.Layout.Root, $"{outcome.FilesEncrypted} file(s) encrypted", actor.Address));
        return outcome;
    }
}
