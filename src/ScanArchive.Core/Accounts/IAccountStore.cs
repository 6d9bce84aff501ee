using ScanArchive.Core.Archive;

namespace ScanArchive.Core.Accounts;

/// <summary>Where accounts are kept (beside the archive's records, so that an account change and its audit record are one write).</summary>
public interface IAccountStore
{
    /// <summary>Number of accounts (zero on a new workstation: the first visitor sets up the administrator).</summary>
    int Count { get; }

    /// <summary>All accounts, by user name.</summary>
    IReadOnlyList<Account> List();

    /// <summary>Finds an account by user name, case-insensitively.</summary>
    Account? Find(string userName);

    /// <summary>Adds an account and its audit record in one transaction.</summary>
    /// <exception cref="Archive.ArchiveException">An account with that name exists (<see cref="Archive.ArchiveProblem.AccountExists"/>).</exception>
    void Insert(Account account, AuditEvent audit);

    /// <summary>Replaces an account and writes its audit record (if any) in one transaction.</summary>
    /// <exception cref="Archive.ArchiveException">No such account.</exception>
    void Update(Account account, AuditEvent? audit);

    /// <summary>Writes an audit record that changes no account (a sign-in under an unknown name, an attempt while locked out).</summary>
    void Audit(AuditEvent audit);
}
