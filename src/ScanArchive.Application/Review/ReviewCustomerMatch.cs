using ScanArchive.Core.Extraction;

namespace ScanArchive.Application.Review;

/// <summary>
/// Where a review document would be filed on commit, as the fields stand now: an existing customer file, a new one,
/// a conflict for a person to settle (same ID number, different name), or none (no identity on the document).
/// </summary>
/// <param name="DocumentId">The review document.</param>
/// <param name="Kind"><c>none</c>, <c>existing</c>, <c>new</c> or <c>conflict</c>.</param>
/// <param name="CustomerId">The matching customer file (existing), else null.</param>
/// <param name="CustomerName">Its name on record (existing), or the document's name (new).</param>
/// <param name="MatchedBy">How it matched: <c>idNumber</c>, <c>customerNo</c>, <c>namePhone</c> (existing), else null.</param>
/// <param name="Conflicts">What disagrees with a file on record (conflict), else empty.</param>
public sealed record ReviewCustomerMatch(string DocumentId, string Kind, string? CustomerId, string? CustomerName, string? MatchedBy, IReadOnlyList<ReviewCustomerConflict> Conflicts)
{
    internal static ReviewCustomerMatch Of(string documentId, CustomerIdentity identity, CustomerMatch match, Func<string, string?> nameOnRecord) =>
        identity.IsEmpty ? new(documentId, "none", null, null, null, [])
        : match.Kind switch
        {
            CustomerMatchKind.Existing => new(documentId, "existing", match.Customer!.CustomerId, nameOnRecord(match.Customer.CustomerId), Camel(match.MatchedBy.ToString()), []),
            CustomerMatchKind.New => new(documentId, "new", null, identity.Name, null, []),
            _ => new(documentId, "conflict", null, null, null,
                [.. match.Conflicts.Select(c => new ReviewCustomerConflict(c.CustomerId, c.Key, c.OnRecord, c.OnDocument))]),
        };

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
