using System.Globalization;
using System.Linq.Expressions;
using LiteDB;

namespace ScanArchive.Archive.Security;

/// <summary>
/// The audit collection as every writer sees it: an insert links the record into the hash chain
/// (<see cref="AuditChain"/>) in the writer's own transaction; updates and deletes are refused, so no code path can
/// change or remove an audit record. Reads pass through.
/// </summary>
/// <remarks>
/// Chaining under concurrency: the record is first inserted (which takes LiteDB's write lock on the collection for
/// the rest of the transaction, and with it a view of every committed record), then the head is read and the record
/// completed. Two writers can therefore never link to the same head, and a writer whose transaction rolls back
/// leaves no link behind.
/// </remarks>
internal sealed class ChainedAuditCollection : ILiteCollection<BsonDocument>
{
    private const long Pending = long.MaxValue;
    private readonly ILiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _inner;

    public ChainedAuditCollection(ILiteDatabase db, ILiteCollection<BsonDocument> inner)
    {
        _db = db;
        _inner = inner;
        _inner.EnsureIndex(AuditChain.SeqField);
        SealUnchained();
    }

    public string Name => _inner.Name;

    public BsonAutoId AutoId => _inner.AutoId;

    public EntityMapper EntityMapper => _inner.EntityMapper;

    /// <summary>Appends one record to the chain.</summary>
    public BsonValue Insert(BsonDocument entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return InOwnOrCallersTransaction(() => Append(entity));
    }

    public int Insert(IEnumerable<BsonDocument> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return InOwnOrCallersTransaction(() => entities.Select(Append).Count());
    }

    public int InsertBulk(IEnumerable<BsonDocument> entities, int batchSize = 5000) => Insert(entities);

    public void Insert(BsonValue id, BsonDocument entity) => throw Refused();

    public bool Update(BsonDocument entity) => throw Refused();

    public bool Update(BsonValue id, BsonDocument entity) => throw Refused();

    public int Update(IEnumerable<BsonDocument> entities) => throw Refused();

    public int UpdateMany(BsonExpression transform, BsonExpression predicate) => throw Refused();

    public int UpdateMany(Expression<Func<BsonDocument, BsonDocument>> extend, Expression<Func<BsonDocument, bool>> predicate) => throw Refused();

    public bool Upsert(BsonDocument entity) => throw Refused();

    public int Upsert(IEnumerable<BsonDocument> entities) => throw Refused();

    public bool Upsert(BsonValue id, BsonDocument entity) => throw Refused();

    public bool Delete(BsonValue id) => throw Refused();

    public int DeleteAll() => throw Refused();

    public int DeleteMany(BsonExpression predicate) => throw Refused();

    public int DeleteMany(string predicate, BsonDocument parameters) => throw Refused();

    public int DeleteMany(string predicate, params BsonValue[] args) => throw Refused();

    public int DeleteMany(Expression<Func<BsonDocument, bool>> predicate) => throw Refused();

    public bool DropIndex(string name) => name == AuditChain.SeqField ? throw Refused() : _inner.DropIndex(name);

    public ILiteCollection<BsonDocument> Include<K>(Expression<Func<BsonDocument, K>> keySelector) => _inner.Include(keySelector);

    public ILiteCollection<BsonDocument> Include(BsonExpression keySelector) => _inner.Include(keySelector);

    public bool EnsureIndex(string name, BsonExpression expression, bool unique = false) => _inner.EnsureIndex(name, expression, unique);

    public bool EnsureIndex(BsonExpression expression, bool unique = false) => _inner.EnsureIndex(expression, unique);

    public bool EnsureIndex<K>(Expression<Func<BsonDocument, K>> keySelector, bool unique = false) => _inner.EnsureIndex(keySelector, unique);

    public bool EnsureIndex<K>(string name, Expression<Func<BsonDocument, K>> keySelector, bool unique = false) => _inner.EnsureIndex(name, keySelector, unique);

    public ILiteQueryable<BsonDocument> Query() => _inner.Query();

    public IEnumerable<BsonDocument> Find(BsonExpression predicate, int skip = 0, int limit = int.MaxValue) => _inner.Find(predicate, skip, limit);

    public IEnumerable<BsonDocument> Find(Query query, int skip = 0, int limit = int.MaxValue) => _inner.Find(query, skip, limit);

    public IEnumerable<BsonDocument> Find(Expression<Func<BsonDocument, bool>> predicate, int skip = 0, int limit = int.MaxValue) => _inner.Find(predicate, skip, limit);

    public BsonDocument FindById(BsonValue id) => _inner.FindById(id);

    public BsonDocument FindOne(BsonExpression predicate) => _inner.FindOne(predicate);

    public BsonDocument FindOne(string predicate, BsonDocument parameters) => _inner.FindOne(predicate, parameters);

    public BsonDocument FindOne(BsonExpression predicate, params BsonValue[] args) => _inner.FindOne(predicate, args);

    public BsonDocument FindOne(Expression<Func<BsonDocument, bool>> predicate) => _inner.FindOne(predicate);

    public BsonDocument FindOne(Query query) => _inner.FindOne(query);

    public IEnumerable<BsonDocument> FindAll() => _inner.FindAll();

    public int Count() => _inner.Count();

    public int Count(BsonExpression predicate) => _inner.Count(predicate);

    public int Count(string predicate, BsonDocument parameters) => _inner.Count(predicate, parameters);

    public int Count(string predicate, params BsonValue[] args) => _inner.Count(predicate, args);

    public int Count(Expression<Func<BsonDocument, bool>> predicate) => _inner.Count(predicate);

    public int Count(Query query) => _inner.Count(query);

    public long LongCount() => _inner.LongCount();

    public long LongCount(BsonExpression predicate) => _inner.LongCount(predicate);

    public long LongCount(string predicate, BsonDocument parameters) => _inner.LongCount(predicate, parameters);

    public long LongCount(string predicate, params BsonValue[] args) => _inner.LongCount(predicate, args);

    public long LongCount(Expression<Func<BsonDocument, bool>> predicate) => _inner.LongCount(predicate);

    public long LongCount(Query query) => _inner.LongCount(query);

    public bool Exists(BsonExpression predicate) => _inner.Exists(predicate);

    public bool Exists(string predicate, BsonDocument parameters) => _inner.Exists(predicate, parameters);

    public bool Exists(string predicate, params BsonValue[] args) => _inner.Exists(predicate, args);

    public bool Exists(Expression<Func<BsonDocument, bool>> predicate) => _inner.Exists(predicate);

    public bool Exists(Query query) => _inner.Exists(query);

    public BsonValue Min(BsonExpression keySelector) => _inner.Min(keySelector);

    public BsonValue Min() => _inner.Min();

    public K Min<K>(Expression<Func<BsonDocument, K>> keySelector) => _inner.Min(keySelector);

    public BsonValue Max(BsonExpression keySelector) => _inner.Max(keySelector);

    public BsonValue Max() => _inner.Max();

    public K Max<K>(Expression<Func<BsonDocument, K>> keySelector) => _inner.Max(keySelector);

    /// <summary>Walks the chain in sequence order and reports the first broken record (see <see cref="AuditChainProblem"/>).</summary>
    public AuditChainReport Verify(long? anchoredSeq = null, string? anchoredHash = null)
    {
        long records = 0;
        long expectedSeq = 1;
        var previous = AuditChain.Genesis;
        AuditChainBreak? broken = null;
        BsonDocument? unchained = null;
        var anchorSeen = anchoredSeq is null;
        foreach (var record in _inner.Query().OrderBy(AuditChain.SeqField).ToEnumerable())
        {
            if (!record[AuditChain.SeqField].IsNumber)
            {
                unchained ??= record;
                continue;
            }

            records++;
            var seq = record[AuditChain.SeqField].AsInt64;
            var hash = Text(record, AuditChain.HashField);
            var expected = expectedSeq.ToString(CultureInfo.InvariantCulture);
            broken ??= seq < expectedSeq ? Break(record, seq, AuditChainProblem.Inserted, expected)
                : seq > expectedSeq ? Break(record, seq, AuditChainProblem.Missing, expected)
                : AuditChain.Hash(record) != hash ? Break(record, seq, AuditChainProblem.Altered, null)
                : Text(record, AuditChain.PrevField) != previous ? Break(record, seq, AuditChainProblem.Inserted, previous)
                : null;
            anchorSeen |= anchoredSeq == seq && hash == anchoredHash;
            previous = hash;
            expectedSeq = Math.Max(expectedSeq, seq + 1);
        }

        if (broken is null && unchained is not null)
        {
            broken = Break(unchained, 0, AuditChainProblem.Unchained, null);
        }

        if (broken is null && !anchorSeen)
        {
            broken = new AuditChainBreak(anchoredSeq!.Value, AuditChainProblem.AnchorMismatch, null, null, null, null, anchoredHash);
        }

        return new AuditChainReport(records, expectedSeq - 1, previous, broken);
    }

    private static string Text(BsonDocument record, string field) => record[field].IsString ? record[field].AsString : "";

    private static AuditChainBreak Break(BsonDocument record, long seq, AuditChainProblem problem, string? expected) => new(
        seq,
        problem,
        record["At"].IsDateTime ? new DateTimeOffset(DateTime.SpecifyKind(record["At"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)) : null,
        record["User"].IsString ? record["User"].AsString : null,
        record["Action"].IsString ? record["Action"].AsString : null,
        record["Target"].IsString ? record["Target"].AsString : null,
        expected);

    private static InvalidOperationException Refused() =>
        new("Audit records cannot be changed or removed. / 审计记录不可修改或删除。");

    /// <summary>
    /// Links records written before the chain existed (an older data folder), oldest first: once, while there is no
    /// chain yet. Once there is one, a record without chain fields was slipped in directly and stays unlinked, for
    /// <see cref="Verify"/> to report.
    /// </summary>
    private void SealUnchained()
    {
        if (Head() is not null)
        {
            return;
        }

        var unchained = _inner.Find(LiteDB.Query.EQ(AuditChain.SeqField, BsonValue.Null)).ToList();
        if (unchained.Count == 0)
        {
            return;
        }

        InOwnOrCallersTransaction(() =>
        {
            var head = Head();
            var seq = head?[AuditChain.SeqField].AsInt64 ?? 0;
            var previous = head?[AuditChain.HashField].AsString ?? AuditChain.Genesis;
            foreach (var record in unchained.OrderBy(r => r["At"].IsDateTime ? r["At"].AsDateTime.ToUniversalTime() : DateTime.MinValue).ThenBy(r => r["_id"]))
            {
                record[AuditChain.SeqField] = ++seq;
                record[AuditChain.PrevField] = previous;
                record[AuditChain.HashField] = previous = AuditChain.Hash(record);
                _inner.Update(record);
            }

            return 0;
        });
    }

    private BsonValue Append(BsonDocument record)
    {
        // Insert first: from here on this transaction holds the collection's write lock and sees the latest head.
        record.Remove("_id");
        record[AuditChain.SeqField] = Pending;
        record[AuditChain.PrevField] = "";
        record[AuditChain.HashField] = "";
        var id = _inner.Insert(record);
        var head = Head();
        record["_id"] = id;
        record[AuditChain.SeqField] = (head?[AuditChain.SeqField].AsInt64 ?? 0) + 1;
        record[AuditChain.PrevField] = head?[AuditChain.HashField].AsString ?? AuditChain.Genesis;
        record[AuditChain.HashField] = AuditChain.Hash(record);
        _inner.Update(record);
        return id;
    }

    /// <summary>The newest chained record (the one being appended excluded).</summary>
    private BsonDocument? Head() =>
        _inner.Query().Where(LiteDB.Query.Between(AuditChain.SeqField, 1L, Pending - 1)).OrderByDescending(AuditChain.SeqField).Limit(1).FirstOrDefault();

    private T InOwnOrCallersTransaction<T>(Func<T> write)
    {
        // A writer that already opened a transaction on this thread keeps it: the record lands with its change.
        if (!_db.BeginTrans())
        {
            return write();
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
