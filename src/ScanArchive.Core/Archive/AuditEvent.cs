namespace ScanArchive.Core.Archive;

/// <summary>An audit record to be written together with the change it records.</summary>
/// <param name="User">Who (account name; the operating-system user for local commands).</param>
/// <param name="Action">What, e.g. <c>batch.commit</c>, <c>auth.login.failed</c>, <c>entry.view</c>.</param>
/// <param name="Target">On what (batch name, archive number, user name, query text).</param>
/// <param name="Details">More, e.g. a field's value before → after.</param>
/// <param name="Address">From which network address (null for local commands).</param>
public sealed record AuditEvent(string User, string Action, string Target, string? Details = null, string? Address = null);
