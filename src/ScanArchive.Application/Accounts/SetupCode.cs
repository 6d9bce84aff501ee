using System.Security.Cryptography;
using System.Text;

namespace ScanArchive.Application.Accounts;

/// <summary>
/// The one-time code that lets the first visitor of a new workstation create the administrator. The host prints it
/// on its console, so only someone who can see the server's console (or log) can claim the workstation.
/// </summary>
public static class SetupCode
{
    /// <summary>Letters and digits that cannot be mistaken for one another when read off a screen (no 0/O, 1/I).</summary>
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Random characters in a code (32^8 ≈ 10^12 possibilities).</summary>
    public const int Length = 8;

    /// <summary>A new random code, e.g. <c>K7QD-M3XP</c>.</summary>
    public static string Generate()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        return $"{code[..(Length / 2)]}-{code[(Length / 2)..]}";
    }

    /// <summary>True when <paramref name="typed"/> is <paramref name="expected"/>, ignoring case, spaces and dashes; compared in constant time.</summary>
    public static bool Matches(string expected, string? typed)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var a = Encoding.UTF8.GetBytes(Canonical(expected));
        var b = Encoding.UTF8.GetBytes(Canonical(typed ?? ""));
        return a.Length > 0 && CryptographicOperations.FixedTimeEquals(a, b);
    }

    private static string Canonical(string code) => string.Concat(code.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
}
