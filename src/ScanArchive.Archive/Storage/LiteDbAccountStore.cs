using LiteDB;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;

namespace ScanArchive.Archive.Storage;

/// <summary>
/// Accounts in the archive's own LiteDB file (collection <c>accounts</c>), so that an account change and its audit
/// record go into one transaction: the audit log never misses a change that happened, nor records one that did not.
/// Shares the archive store's open database and lifetime; disposing the archive store closes it.
/// </summary>
public sealed class LiteDbAccountStore : IAccountStore
{
    private const string CollectionName = "accounts";

    private readonly LiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _accounts;
    private readonly ILiteCollection<BsonDocument> _audit;
    private readonly TimeProvider _clock;

    /// <summary>Opens the accounts kept beside <paramref name="archive"/>'s records.</summary>
    public LiteDbAccountStore(LiteDbArchiveStore archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        _db = archive.Database;
        _audit = archive.AuditCollection;
        _clock = archive.Clock;
        _accounts = _db.GetCollection(CollectionName);
        _accounts.EnsureIndex("NameKey", unique: true);
    }

    /// <inheritdoc />
    public int Count => _accounts.Count();

    /// <inheritdoc />
    public IReadOnlyList<Account> List() =>
        _accounts.FindAll().Select(ToAccount).OrderBy(a => NameKey(a.UserName), StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public Account? Find(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var doc = FindDocument(userName);
        return doc is null ? null : ToAccount(doc);
    }

    /// <inheritdoc />
    public void Insert(Account account, AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(audit);
        try
        {
            InTransaction(() =>
            {
                _accounts.Insert(ToBson(account, NewId()));
                _audit.Insert(LiteDbArchiveStore.AuditDocument(_clock.GetUtcNow(), audit));
            });
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new ArchiveException(ArchiveProblem.AccountExists, account.UserName, inner: ex);
        }
    }

    /// <inheritdoc />
    public void Update(Account account, AuditEvent? audit)
    {
        ArgumentNullException.ThrowIfNull(account);
        InTransaction(() =>
        {
            // Read inside the transaction: the record's id is kept, and a concurrent delete cannot slip in between.
            var existing = FindDocument(account.UserName) ?? throw new ArchiveException(ArchiveProblem.AccountNotFound, account.UserName);
            _accounts.Update(ToBson(account, existing["_id"].AsString));
            if (audit is not null)
            {
                _audit.Insert(LiteDbArchiveStore.AuditDocument(_clock.GetUtcNow(), audit));
            }
        });
    }

    /// <inheritdoc />
    public void Audit(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        _audit.Insert(LiteDbArchiveStore.AuditDocument(_clock.GetUtcNow(), audit));
    }

    /// <summary>The key the unique index is on: trimmed and lower-cased, so that "Alice" and "alice " are one name.</summary>
    internal static string NameKey(string userName) => userName.Trim().ToLowerInvariant();

    private BsonDocument? FindDocument(string userName) => _accounts.FindOne(Query.EQ("NameKey", NameKey(userName)));

    // LiteDB transactions belong to the calling thread; no awaits happen inside, so begin, writes and commit share it.
    private void InTransaction(Action write)
    {
        if (!_db.BeginTrans())
        {
            throw new InvalidOperationException("A transaction is already open on this thread.");
        }

        try
        {
            write();
            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    private static BsonDocument ToBson(Account a, string id) => new()
    {
        ["_id"] = id,
        ["UserName"] = a.UserName,
        ["NameKey"] = NameKey(a.UserName),
        ["DisplayName"] = a.DisplayName is null ? BsonValue.Null : a.DisplayName,
        ["Role"] = a.Role.ToString(),
        ["PasswordHash"] = a.PasswordHash,
        ["Disabled"] = a.Disabled,
        ["FailedSignIns"] = a.FailedSignIns,
        ["LockedUntil"] = a.LockedUntil is { } until ? until.UtcDateTime : BsonValue.Null,
        ["SecurityStamp"] = a.SecurityStamp,
        ["Language"] = a.Language is null ? BsonValue.Null : a.Language,
        ["CreatedAt"] = a.CreatedAt.UtcDateTime,
        ["CreatedBy"] = a.CreatedBy,
        ["LastSignInAt"] = a.LastSignInAt is { } last ? last.UtcDateTime : BsonValue.Null,
    };

    private static Account ToAccount(BsonDocument d) => new()
    {
        UserName = d["UserName"].AsString,
        DisplayName = d["DisplayName"].IsNull ? null : d["DisplayName"].AsString,
        Role = Enum.Parse<Role>(d["Role"].AsString),
        PasswordHash = d["PasswordHash"].AsString,
        Disabled = d["Disabled"].AsBoolean,
        FailedSignIns = d["FailedSignIns"].AsInt32,
        LockedUntil = d["LockedUntil"].IsNull ? null : Utc(d["LockedUntil"]),
        SecurityStamp = d["SecurityStamp"].AsString,
        Language = d["Language"].IsNull ? null : d["Language"].AsString,
        CreatedAt = Utc(d["CreatedAt"]),
        CreatedBy = d["CreatedBy"].AsString,
        LastSignInAt = d["LastSignInAt"].IsNull ? null : Utc(d["LastSignInAt"]),
    };

    private static DateTimeOffset Utc(BsonValue v) => new(DateTime.SpecifyKind(v.AsDateTime.ToUniversalTime(), DateTimeKind.Utc));

    private static string NewId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 6));
}
