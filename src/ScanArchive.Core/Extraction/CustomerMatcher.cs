using System.Globalization;
using System.Text;
using ScanArchive.Core.Analysis;

namespace ScanArchive.Core.Extraction;

/// <summary>What identifies a customer on a document or in the customer file. Any part may be missing.</summary>
/// <param name="IdNumber">Resident ID or passport number.</param>
/// <param name="CustomerNo">The institution's customer number.</param>
/// <param name="Name">The customer's name.</param>
/// <param name="Phone">A phone number (any format; compared by digits).</param>
public sealed record CustomerIdentity(string? IdNumber, string? CustomerNo, string? Name, string? Phone)
{
    /// <summary>The identity carried by a document's extracted fields.</summary>
    public static CustomerIdentity FromFields(IEnumerable<ExtractedField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var byKey = fields.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return new CustomerIdentity(
            byKey.GetValueOrDefault(FieldKeys.IdNumber),
            byKey.GetValueOrDefault(FieldKeys.CustomerNo),
            byKey.GetValueOrDefault(FieldKeys.CustomerName),
            byKey.GetValueOrDefault(FieldKeys.Phone));
    }

    /// <summary>True when nothing identifies the customer.</summary>
    public bool IsEmpty =>
        CustomerMatcher.NormalizeCode(IdNumber) is null && CustomerMatcher.NormalizeCode(CustomerNo) is null &&
        CustomerMatcher.NormalizeName(Name) is null && CustomerMatcher.NormalizePhone(Phone) is null;
}

/// <summary>A customer already in the customer file (客户档案).</summary>
/// <param name="CustomerId">The record's key in the store.</param>
/// <param name="Identity">What the file knows about the customer.</param>
public sealed record CustomerRecord(string CustomerId, CustomerIdentity Identity);

/// <summary>The outcome of matching a document's customer against the customer file.</summary>
public enum CustomerMatchKind
{
    /// <summary>The document belongs to an existing customer.</summary>
    Existing,

    /// <summary>No customer matched: the caller creates one (or leaves the document unlinked when the identity is empty).</summary>
    New,

    /// <summary>A customer matched by a strong key but other identifying data disagree: flag for review, never merge.</summary>
    Conflict,
}

/// <summary>Which rule matched.</summary>
public enum CustomerMatchRule
{
    /// <summary>No rule matched.</summary>
    None,

    /// <summary>Same ID number.</summary>
    IdNumber,

    /// <summary>Same customer number.</summary>
    CustomerNo,

    /// <summary>Same name and same phone number.</summary>
    NameAndPhone,
}

/// <summary>One disagreement between the document and a customer record.</summary>
/// <param name="CustomerId">The record that disagrees.</param>
/// <param name="Key">The field that disagrees (<see cref="FieldKeys"/>).</param>
/// <param name="OnRecord">The record's value.</param>
/// <param name="OnDocument">The document's value.</param>
public sealed record CustomerConflict(string CustomerId, string Key, string? OnRecord, string? OnDocument);

/// <summary>The result of <see cref="CustomerMatcher.Match"/>.</summary>
/// <param name="Kind">Existing, new, or conflict.</param>
/// <param name="Customer">The matched record (for a conflict: the record matched by the strongest rule).</param>
/// <param name="MatchedBy">The rule that found <paramref name="Customer"/>.</param>
/// <param name="Conflicts">What disagrees (empty unless <paramref name="Kind"/> is <see cref="CustomerMatchKind.Conflict"/>).</param>
public sealed record CustomerMatch(CustomerMatchKind Kind, CustomerRecord? Customer, CustomerMatchRule MatchedBy, IReadOnlyList<CustomerConflict> Conflicts);

/// <summary>
/// Links a document to a customer record: by ID number, then customer number, then name and phone together;
/// otherwise the customer is new. A match whose other identifying data contradict the document (same ID
/// number with another name, same customer number with another ID number, ...) is a conflict for a reviewer,
/// never a silent merge.
/// </summary>
public static class CustomerMatcher
{
    /// <summary>Matches an identity against the customer file.</summary>
    /// <param name="incoming">The identity on the document.</param>
    /// <param name="customers">The customer file (any enumerable; a store can pre-filter by the identity's keys).</param>
    public static CustomerMatch Match(CustomerIdentity incoming, IEnumerable<CustomerRecord> customers)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(customers);
        var records = customers.ToList();
        var id = NormalizeCode(incoming.IdNumber);
        var number = NormalizeCode(incoming.CustomerNo);
        var name = NormalizeName(incoming.Name);
        var phone = NormalizePhone(incoming.Phone);

        if (id is not null)
        {
            var byId = records.Where(r => NormalizeCode(r.Identity.IdNumber) == id).ToList();
            if (byId.Count > 0)
            {
                return Decide(byId, CustomerMatchRule.IdNumber, incoming);
            }
        }

        if (number is not null)
        {
            var byNumber = records.Where(r => NormalizeCode(r.Identity.CustomerNo) == number).ToList();
            if (byNumber.Count > 0)
            {
                return Decide(byNumber, CustomerMatchRule.CustomerNo, incoming);
            }
        }

        if (name is not null && phone is not null)
        {
            var byNameAndPhone = records
                .Where(r => NormalizeName(r.Identity.Name) == name && NormalizePhone(r.Identity.Phone) == phone)
                .ToList();
            if (byNameAndPhone.Count > 0)
            {
                return Decide(byNameAndPhone, CustomerMatchRule.NameAndPhone, incoming);
            }
        }

        return new CustomerMatch(CustomerMatchKind.New, null, CustomerMatchRule.None, []);
    }

    /// <summary>An ID or customer number for comparison: half-width, upper-case, without spaces or dashes; null when empty.</summary>
    public static string? NormalizeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var sb = new StringBuilder(code.Length);
        foreach (var c in code.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>A name for comparison: half-width, case-folded, inner whitespace collapsed (none between Chinese characters); null when empty.</summary>
    public static string? NormalizeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var parts = name.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (sb.Length > 0 && !(Ocr.OcrText.IsCjk(sb[^1]) && Ocr.OcrText.IsCjk(part[0])))
            {
                sb.Append(' ');
            }

            sb.Append(part);
        }

        return sb.ToString();
    }

    /// <summary>A phone number for comparison: its digits without a +86/0086 country prefix; null when it has fewer than 5 digits.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string(phone.Normalize(NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return digits.Length >= 5 ? digits : null;
    }

    private static CustomerMatch Decide(List<CustomerRecord> candidates, CustomerMatchRule rule, CustomerIdentity incoming)
    {
        var conflicts = new List<CustomerConflict>();

        // Two records answering to the same strong key is itself something a reviewer must resolve.
        if (candidates.Count > 1)
        {
            var key = rule switch
            {
                CustomerMatchRule.IdNumber => FieldKeys.IdNumber,
                CustomerMatchRule.CustomerNo => FieldKeys.CustomerNo,
                _ => FieldKeys.CustomerName,
            };
            conflicts.AddRange(candidates.Skip(1).Select(r => new CustomerConflict(r.CustomerId, key, RecordValue(r, key), RecordValue(candidates[0], key))));
        }

        foreach (var record in candidates)
        {
            AddIfDifferent(conflicts, record, FieldKeys.IdNumber, record.Identity.IdNumber, incoming.IdNumber, NormalizeCode);
            AddIfDifferent(conflicts, record, FieldKeys.CustomerNo, record.Identity.CustomerNo, incoming.CustomerNo, NormalizeCode);
            AddIfDifferent(conflicts, record, FieldKeys.CustomerName, record.Identity.Name, incoming.Name, NormalizeName);
        }

        // A different phone is not a conflict: people change numbers, and the match did not rest on it
        // (for name+phone matches it is equal by construction).
        return conflicts.Count == 0
            ? new CustomerMatch(CustomerMatchKind.Existing, candidates[0], rule, [])
            : new CustomerMatch(CustomerMatchKind.Conflict, candidates[0], rule, conflicts);
    }

    private static void AddIfDifferent(List<CustomerConflict> conflicts, CustomerRecord record, string key, string? onRecord, string? onDocument, Func<string?, string?> normalize)
    {
        var a = normalize(onRecord);
        var b = normalize(onDocument);
        if (a is not null && b is not null && a != b)
        {
            conflicts.Add(new CustomerConflict(record.CustomerId, key, onRecord, onDocument));
        }
    }

    private static string? RecordValue(CustomerRecord record, string key) => key switch
    {
        FieldKeys.IdNumber => record.Identity.IdNumber,
        FieldKeys.CustomerNo => record.Identity.CustomerNo,
        _ => record.Identity.Name,
    };
}
