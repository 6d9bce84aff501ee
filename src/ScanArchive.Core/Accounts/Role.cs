namespace ScanArchive.Core.Accounts;

/// <summary>What a person does at the workstation; decides what they may see and do (see <see cref="Permissions"/>).</summary>
public enum Role
{
    /// <summary>Captures and imports pages; sees their own batches and their state.</summary>
    Clerk,

    /// <summary>Reviews, corrects, approves, rejects and commits batches.</summary>
    Reviewer,

    /// <summary>Manages accounts, profiles and settings; may do everything.</summary>
    Admin,

    /// <summary>Reads everything, changes nothing, and reads the audit log.</summary>
    Auditor,
}
