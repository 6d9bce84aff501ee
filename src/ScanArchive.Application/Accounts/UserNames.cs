using System.Text;

namespace ScanArchive.Application.Accounts;

/// <summary>
/// The rules for user names: 1–64 letters, digits and <c>._-@</c>, trimmed, compared case-insensitively. Letters
/// include Chinese ones (a clerk may sign in as 王丽). Names are normalized to Unicode NFC so that the same name typed
/// on two keyboards is one name.
/// </summary>
public static class UserNames
{
    /// <summary>Longest user name.</summary>
    public const int MaxLength = 64;

    /// <summary>The name as stored (trimmed, NFC, case kept).</summary>
    /// <exception cref="AccountException">The name breaks the rules (<see cref="AccountProblem.InvalidUserName"/>).</exception>
    public static string Normalize(string? userName) =>
        TryNormalize(userName, out var name) ? name : throw new AccountException(AccountProblem.InvalidUserName, ForDisplay(userName));

    /// <summary>The name as stored, or false when it breaks the rules.</summary>
    public static bool TryNormalize(string? userName, out string normalized)
    {
        normalized = "";
        if (userName is null)
        {
            return false;
        }

        var name = userName.Trim();
        if (!name.IsNormalized(NormalizationForm.FormC))
        {
            name = name.Normalize(NormalizationForm.FormC);
        }

        if (name.Length is 0 or > MaxLength || !name.All(IsAllowed))
        {
            return false;
        }

        normalized = name;
        return true;
    }

    /// <summary>True when both are the same user name (case-insensitively).</summary>
    public static bool Same(string a, string b) => string.Equals(a.Trim().ToLowerInvariant(), b.Trim().ToLowerInvariant(), StringComparison.Ordinal);

    /// <summary>
    /// A name as typed, made safe for a message or an audit record: control characters replaced, cut to
    /// <see cref="MaxLength"/> (a failed sign-in records whatever was typed, and must not let anyone forge log lines).
    /// </summary>
    public static string ForDisplay(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return "";
        }

        var text = typed.Trim();
        var cut = text.Length > MaxLength ? text[..MaxLength] + "…" : text;
        return string.Concat(cut.Select(c => char.IsControl(c) ? '?' : c));
    }

    private static bool IsAllowed(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@';
}
