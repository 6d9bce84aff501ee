using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;

namespace ScanArchive.Application.Customers;

/// <summary>A customer file with its entries.</summary>
public sealed record CustomerFile(Customer Customer, IReadOnlyList<ArchiveEntry> Entries);

/// <summary>Customer files (客户档案). Every view is audited.</summary>
public sealed class CustomerService(ArchiveHost host)
{
    private IArchiveStore Store => host.Store;

    /// <summary>All customer files.</summary>
    public IReadOnlyList<Customer> List(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadArchive);
        return Store.Customers();
    }

    /// <summary>Entries whose customer is in doubt (a conflict waiting for a person).</summary>
    public IReadOnlyList<ArchiveEntry> Conflicts(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadArchive);
        return Store.Entries().Where(e => e.CustomerConflict is not null).ToList();
    }

    /// <summary>A customer file by id, ID number or customer number; the view is audited.</summary>
    public CustomerFile Get(Actor actor, string key)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadArchive);
        var customer = Store.FindCustomer(key) ?? throw new ArchiveException(ArchiveProblem.ItemNotFound, key);
        var entries = customer.Entries.Select(Store.FindEntry).OfType<ArchiveEntry>().ToList();
        Store.Audit(new AuditEvent(actor.UserName, "customer.view", customer.Id, null, actor.Address));
        return new CustomerFile(customer, entries);
    }

    /// <summary>Entries in doubt that point at this customer file (their conflict names it).</summary>
    public IReadOnlyList<ArchiveEntry> ConflictsOf(Actor actor, string customerId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(customerId);
        actor.Require(Permission.ReadArchive);
        return Store.Entries().Where(e => e.CustomerConflict is { } c && c.Split("; ").Any(p => p.StartsWith(customerId + " ", StringComparison.Ordinal))).ToList();
    }

    /// <summary>
    /// A reviewer settles an entry in doubt: files it under <paramref name="customerId"/> (the person chose that file),
    /// or (null) keeps it apart in a file of its own. One write with its audit record.
    /// </summary>
    public ArchiveEntry Resolve(Actor actor, string number, string? customerId, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        using var scope = actor.AuditScope();
        return Store.ResolveCustomerConflict(number, string.IsNullOrWhiteSpace(customerId) ? null : customerId.Trim(), actor.UserName, note);
    }
}
