namespace ScanArchive.Core.Accounts;

/// <summary>One thing a person may be allowed to do. Roles are sets of permissions (<see cref="Permissions"/>).</summary>
public enum Permission
{
    /// <summary>Create batches, scan and import pages into them.</summary>
    Capture,

    /// <summary>See batches other people captured (a clerk sees only their own).</summary>
    ViewAllBatches,

    /// <summary>Correct fields, approve and reject pages and batches.</summary>
    Review,

    /// <summary>Turn an approved batch into numbered archive entries.</summary>
    Commit,

    /// <summary>Search and read committed entries and customer files.</summary>
    ReadArchive,

    /// <summary>Read the audit log.</summary>
    ReadAudit,

    /// <summary>Create, disable and reset accounts; change profiles and settings.</summary>
    ManageAccounts,
}
