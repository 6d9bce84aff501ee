using System.Globalization;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Extraction;

namespace ScanArchive.Core.Archive;

/// <summary>What filing an entry under a customer file changes.</summary>
/// <param name="Entry">The entry, linked to its customer (or carrying the conflict).</param>
/// <param name="Updated">An existing customer file with the entry added and missing identity filled in.</param>
/// <param name="Created">A new customer file opened for the entry.</param>
/// <param name="Conflict">Why the entry was left unlinked (same ID number, different name), for a person to decide.</param>
public sealed record CustomerFilingDecision(ArchiveEntry Entry, Customer? Updated, Customer? Created, string? Conflict);

/// <summary>
/// Files a committed entry under its customer: by ID number, then customer number, then name and phone; a new file
/// is opened when none matches; a conflict links nothing. Pure decision: the store writes what it returns inside the
/// commit transaction.
/// </summary>
public static class CustomerFiling
{
    /// <summary>Decides where <paramref name="entry"/> goes, given the customer files on record (including ones opened earlier in the same commit).</summary>
    public static CustomerFilingDecision Decide(ArchiveEntry entry, IReadOnlyList<ExtractedField> fields, IReadOnlyList<Customer> customers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(customers);
        var identity = CustomerIdentity.FromFields(fields);
        if (identity.IsEmpty)
        {
            return new CustomerFilingDecision(entry, null, null, null);
        }

        var records = customers.Select(c => new CustomerRecord(c.Id, new CustomerIdentity(c.IdNumber, c.CustomerNo, c.Name, c.Phone))).ToList();
        var match = CustomerMatcher.Match(identity, records);
        switch (match.Kind)
        {
            case CustomerMatchKind.Existing:
                var existing = customers.First(c => c.Id == match.Customer!.CustomerId);
                var updated = existing with
                {
                    IdNumber = existing.IdNumber ?? CustomerMatcher.NormalizeCode(identity.IdNumber),
                    CustomerNo = existing.CustomerNo ?? CustomerMatcher.NormalizeCode(identity.CustomerNo),
                    Name = existing.Name ?? identity.Name,
                    Phone = existing.Phone ?? CustomerMatcher.NormalizePhone(identity.Phone),
                    Entries = [.. existing.Entries, entry.Number],
                };
                return new CustomerFilingDecision(entry with { CustomerId = existing.Id }, updated, null, null);
            case CustomerMatchKind.New:
                var id = $"C{(customers.Count + 1).ToString("D6", CultureInfo.InvariantCulture)}";
                var created = new Customer(
                    id,
                    CustomerMatcher.NormalizeCode(identity.IdNumber),
                    CustomerMatcher.NormalizeCode(identity.CustomerNo),
                    identity.Name,
                    CustomerMatcher.NormalizePhone(identity.Phone),
                    [entry.Number],
                    now);
                return new CustomerFilingDecision(entry with { CustomerId = id }, null, created, null);
            default:
                var conflict = string.Join("; ", match.Conflicts.Select(c => $"{c.CustomerId} {c.Key}: {c.OnRecord} ≠ {c.OnDocument}"));
                return new CustomerFilingDecision(entry with { CustomerConflict = conflict }, null, null, conflict);
        }
    }
}
