using System.Globalization;
using LiteDB;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Extraction;

namespace ScanArchive.Archive.Storage;

/// <summary>A person's decision on an entry whose customer was in doubt (same ID number, different name).</summary>
public sealed partial class LiteDbArchiveStore
{
    /// <inheritdoc />
    public ArchiveEntry ResolveCustomerConflict(string number, string? customerId, string user, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(number);
        lock (_commitGate)
        {
            var entry = FindEntry(number) ?? throw new ArchiveException(ArchiveProblem.EntryNotFound, number);
            if (entry.CustomerConflict is null)
            {
                throw new ArchiveException(ArchiveProblem.InvalidState, entry.Number, "no customer conflict");
            }

            return InTransaction(() =>
            {
                var now = _clock.GetUtcNow();
                Customer customer;
                if (customerId is not null)
                {
                    // Chosen: the entry joins the file on record; the file's identity stays as it was (the person chose it).
                    var doc = _customers.FindById(customerId) ?? throw new ArchiveException(ArchiveProblem.ItemNotFound, customerId);
                    var existing = BsonMapping.ToCustomer(doc);
                    customer = existing with { Entries = [.. existing.Entries.Where(e => e != entry.Number), entry.Number] };
                    _customers.Update(BsonMapping.ToBson(customer));
                }
                else
                {
                    // Kept apart: a file of its own, with the identity the document carries (its ID number is then on two files).
                    var fields = entry.Fields;
                    customer = new Customer(
                        $"C{(_customers.Count() + 1).ToString("D6", CultureInfo.InvariantCulture)}",
                        CustomerMatcher.NormalizeCode(fields.GetValueOrDefault(FieldKeys.IdNumber)),
                        CustomerMatcher.NormalizeCode(fields.GetValueOrDefault(FieldKeys.CustomerNo)),
                        fields.GetValueOrDefault(FieldKeys.CustomerName),
                        CustomerMatcher.NormalizePhone(fields.GetValueOrDefault(FieldKeys.Phone)),
                        [entry.Number],
                        now);
                    _customers.Insert(BsonMapping.ToBson(customer));
                }

                var resolved = entry with { CustomerId = customer.Id, CustomerConflict = null };
                _entries.Update(BsonMapping.ToBson(resolved));

                // The index carries the customer: the entry is indexed again.
                _outbox.Upsert(new BsonDocument { ["_id"] = resolved.Number, ["At"] = now.UtcDateTime });
                var details = (customerId is null ? "kept apart as " : "linked to ") + customer.Id + " (was: " + entry.CustomerConflict + ")" + (string.IsNullOrWhiteSpace(note) ? "" : "; " + note.Trim());
                _audit.Insert(AuditDocument(now, user, "customer.resolve", resolved.Number, details));
                return resolved;
            });
        }
    }
}
