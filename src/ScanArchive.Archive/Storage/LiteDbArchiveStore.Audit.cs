using LiteDB;
using ScanArchive.Core.Archive;

namespace ScanArchive.Archive.Storage;

/// <summary>The audit trail and the transaction helper its writers share.</summary>
public sealed partial class LiteDbArchiveStore
{
    /// <inheritdoc />
    public void Audit(string user, string action, string target, string? details = null) =>
        _audit.Insert(AuditDocument(_clock.GetUtcNow(), user, action, target, details));

    /// <inheritdoc />
    public void Audit(AuditEvent audit) => _audit.Insert(AuditDocument(_clock.GetUtcNow(), audit));

    /// <inheritdoc />
    public IReadOnlyList<AuditRecord> AuditTrail(int take = 100, string? target = null) =>
        AuditTrail(new AuditQuery { Target = target, Take = take });

    /// <inheritdoc />
    public IReadOnlyList<AuditRecord> AuditTrail(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<BsonExpression>();
        if (query.Target is { } target)
        {
            filters.Add(Query.EQ("Target", target));
        }

        if (query.User is { } user)
        {
            filters.Add(Query.EQ("User", user));
        }

        if (query.From is { } from)
        {
            filters.Add(Query.GTE("At", from.UtcDateTime));
        }

        if (query.To is { } to)
        {
            filters.Add(Query.LT("At", to.UtcDateTime));
        }

        var found = filters.Count switch
        {
            0 => _audit.FindAll(),
            1 => _audit.Find(filters[0]),
            _ => _audit.Find(Query.And([.. filters])),
        };
        return found.Select(ToAuditRecord)
            .Where(a => query.Action is null || a.Action == query.Action || a.Action.StartsWith(query.Action + ".", StringComparison.Ordinal))
            .OrderByDescending(a => a.At).Skip(query.Skip).Take(query.Take).ToList();
    }

    private static AuditRecord ToAuditRecord(BsonDocument d) => new(
        new DateTimeOffset(DateTime.SpecifyKind(d["At"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)),
        d["User"].AsString,
        d["Action"].AsString,
        d["Target"].AsString,
        d["Details"].IsNull ? null : d["Details"].AsString,
        d["Address"].IsString ? d["Address"].AsString : null);

    /// <summary>Runs <paramref name="write"/> in one LiteDB transaction: all its writes land, or none.</summary>
    private T InTransaction<T>(Func<T> write)
    {
        if (!_db.BeginTrans())
        {
            throw new InvalidOperationException("A transaction is already open on this thread.");
        }

        try
        {
            var result = write();
            _db.Commit();
            return result;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }
}
