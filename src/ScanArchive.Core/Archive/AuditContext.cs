namespace ScanArchive.Core.Archive;

/// <summary>
/// The network address of the person whose request is being served, for the audit records that stores write inside
/// their own transactions (a commit, a batch move). Set by the host for the length of one request; null for local
/// commands. Ambient because every store operation records it, and threading it through each signature would not
/// make that any more explicit.
/// </summary>
public static class AuditContext
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The address of the request in progress on this logical flow, if any.</summary>
    public static string? Address => Current.Value;

    /// <summary>Sets the address until the returned scope is disposed.</summary>
    public static IDisposable From(string? address)
    {
        var previous = Current.Value;
        Current.Value = address;
        return new Scope(previous);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
