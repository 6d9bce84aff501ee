using LiteDB;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Pdf;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Archive.Storage;

/// <summary>
/// The archive on an embedded LiteDB file plus content-addressed files, all under one data folder that one process
/// owns at a time (a lock file says so clearly instead of letting two programs corrupt each other).
/// </summary>
public sealed partial class LiteDbArchiveStore : IArchiveStore
{
    private const string DatabaseFile = "archive.db";
    private const string LockFile = "scanarchive.lock";

    private readonly FileStream _lock;
    private readonly LiteDatabase _db;
    private readonly FileStore _files;
    private readonly TimeProvider _clock;
    private readonly ISearchablePdfWriter _pdf;
    private readonly Lock _commitGate = new();
    private readonly ILiteCollection<BsonDocument> _batches;
    private readonly ILiteCollection<BsonDocument> _documents;
    private readonly ILiteCollection<BsonDocument> _pages;
    private readonly ILiteCollection<BsonDocument> _entries;
    private readonly ILiteCollection<BsonDocument> _counters;
    private readonly ILiteCollection<BsonDocument> _outbox;
    private readonly ILiteCollection<BsonDocument> _audit;
    private readonly ILiteCollection<BsonDocument> _customers;

    /// <summary>Opens (or creates) the archive in a data folder.</summary>
    /// <exception cref="ArchiveException">Another process holds the folder, or the database cannot be opened.</exception>
    public LiteDbArchiveStore(ArchiveStoreOptions options)
        : this(options, new Pdf.SearchablePdfBuilder())
    {
    }

    internal LiteDbArchiveStore(ArchiveStoreOptions options, ISearchablePdfWriter pdf)
    {
        ArgumentNullException.ThrowIfNull(options);
        NumberFormat = options.NumberFormat ?? new ArchiveNumberFormat();
        NumberFormat.Validate();
        _clock = options.Clock ?? TimeProvider.System;
        _pdf = pdf;
        var root = Path.GetFullPath(options.DataFolder);
        if (!Directory.Exists(root))
        {
            Security.PrivateFiles.CreateFolder(root);
        }

        DataFolder = root;
        _lock = AcquireLock(root);
        Security.PrivateFiles.MakeFilePrivate(Path.Combine(root, LockFile));
        try
        {
            _files = new FileStore(root, options.Key?.FileKey);
            _db = new LiteDatabase(new ConnectionString
            {
                Filename = Path.Combine(root, DatabaseFile),
                Connection = ConnectionType.Direct,
                Password = options.Key?.DatabasePassword,
            });
            Security.PrivateFiles.MakeFilePrivate(Path.Combine(root, DatabaseFile));
            _batches = _db.GetCollection("batches");
            _documents = _db.GetCollection("documents");
            _pages = _db.GetCollection("pages");
            _entries = _db.GetCollection("entries");
            _counters = _db.GetCollection("counters");
            _outbox = _db.GetCollection("outbox");
            _audit = new Security.ChainedAuditCollection(_db, _db.GetCollection("audit"));
            _customers = _db.GetCollection("customers");
            _batches.EnsureIndex("NameKey", unique: true);
            _documents.EnsureIndex("BatchId");
            _pages.EnsureIndex("BatchId");
            _pages.EnsureIndex("DocumentId");
            _audit.EnsureIndex("Target");
            _audit.EnsureIndex("User");
            _audit.EnsureIndex("At");
        }
        catch (LiteException ex)
        {
            _lock.Dispose();
            throw new ArchiveException(ArchiveProblem.Unreadable, Path.Combine(root, DatabaseFile), ex.Message, ex);
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
    }

    /// <summary>The data folder.</summary>
    public string DataFolder { get; }

    /// <summary>The open database, for the other stores that keep their records beside the archive's (accounts).</summary>
    internal LiteDatabase Database => _db;

    /// <summary>The audit collection, so that a neighbouring store writes its audit record in its own transaction.</summary>
    internal ILiteCollection<BsonDocument> AuditCollection => _audit;

    /// <summary>The store's clock.</summary>
    internal TimeProvider Clock => _clock;

    /// <inheritdoc />
    public ArchiveNumberFormat NumberFormat { get; }

    /// <inheritdoc />
    public int EntryCount => _entries.Count();

    /// <inheritdoc />
    public Batch CreateBatch(string name, string user, string? profile = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A batch needs a name.", nameof(name));
        }

        name = name.Trim();
        var now = _clock.GetUtcNow();
        var batch = new Batch
        {
            Id = NewId(),
            Name = name,
            State = BatchState.Capturing,
            CreatedAt = now,
            CreatedBy = user,
            UpdatedAt = now,
            UpdatedBy = user,
            Profile = profile,
        };
        try
        {
            _batches.Insert(BsonMapping.ToBson(batch));
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new ArchiveException(ArchiveProblem.BatchExists, name);
        }

        Audit(user, "batch.create", name);
        return batch;
    }

    /// <inheritdoc />
    public Batch? FindBatch(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        var doc = _batches.FindById(nameOrId) ?? _batches.FindOne(Query.EQ("NameKey", BsonMapping.NameKey(nameOrId)));
        return doc is null ? null : BsonMapping.ToBatch(doc);
    }

    /// <inheritdoc />
    public IReadOnlyList<Batch> Batches() =>
        _batches.FindAll().Select(BsonMapping.ToBatch).OrderByDescending(b => b.CreatedAt).ToList();

    /// <inheritdoc />
    public Batch MoveBatch(string batchId, BatchState next, string user, string? note = null)
    {
        lock (_commitGate)
        {
            var batch = RequireBatch(batchId);
            if (batch.State == next)
            {
                return batch;
            }

            if (!batch.CanMoveTo(next))
            {
                throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, $"{batch.State} → {next}");
            }

            return InTransaction(() =>
            {
                var moved = Touch(batch, user) with { State = next, Note = note ?? (next == BatchState.Rejected ? batch.Note : null) };
                _batches.Update(BsonMapping.ToBson(moved));
                _audit.Insert(AuditDocument(_clock.GetUtcNow(), user, "batch." + next.ToString().ToLowerInvariant(), batch.Name, note));
                return moved;
            });
        }
    }

    /// <inheritdoc />
    public BatchDocument AddDocument(string batchId, string sourcePath, string sourceName, string user)
    {
        var batch = RequireBatch(batchId);
        var original = _files.PutContentAddressed("originals", sourcePath, Path.GetExtension(sourcePath));
        return InsertDocument(batch, original, sourceName, user);
    }

    /// <inheritdoc />
    public BatchDocument AddDocument(string batchId, ReadOnlySpan<byte> content, string extension, string sourceName, string user, string? group = null, bool blankPagesSeparate = false)
    {
        var batch = RequireBatch(batchId);
        var original = _files.PutContentAddressed("originals", content, extension);
        return InsertDocument(batch, original, sourceName, user, group, blankPagesSeparate);
    }

    /// <inheritdoc />
    public IReadOnlyList<BatchDocument> Documents(string batchId) =>
        _documents.Find(Query.EQ("BatchId", batchId)).Select(BsonMapping.ToDocument).OrderBy(d => d.Order).ToList();

    /// <inheritdoc />
    public IReadOnlyList<BatchDocument> DocumentsWithContent(string sha256) =>
        _documents.Find(Query.EQ("Original.Sha256", sha256)).Select(BsonMapping.ToDocument).ToList();

    /// <inheritdoc />
    public void UpdateDocument(BatchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!_documents.Update(BsonMapping.ToBson(document)))
        {
            throw new ArchiveException(ArchiveProblem.BatchNotFound, document.Id);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<BatchPage> Pages(string batchId)
    {
        var order = Documents(batchId).ToDictionary(d => d.Id, d => d.Order);
        return _pages.Find(Query.EQ("BatchId", batchId)).Select(BsonMapping.ToPage)
            .OrderBy(p => order.GetValueOrDefault(p.DocumentId)).ThenBy(p => p.PageNumber).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<BatchPage> DocumentPages(string documentId) =>
        _pages.Find(Query.EQ("DocumentId", documentId)).Select(BsonMapping.ToPage).OrderBy(p => p.PageNumber).ToList();

    /// <inheritdoc />
    public BatchPage SavePage(PageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        PageImage? image = null;
        if (result.Image is { } encoded)
        {
            var file = _files.PutContentAddressed("pages", encoded.Bytes, Extension(encoded.Kind));
            image = new PageImage(file, encoded.Kind, encoded.Width, encoded.Height, encoded.Dpi);
        }

        var textLayer = result.TextLayerPdf is { Length: > 0 } layer ? _files.PutContentAddressed("text", layer, ".pdf") : null;
        var page = new BatchPage
        {
            Id = $"{result.DocumentId}-p{result.PageNumber}",
            BatchId = result.BatchId,
            DocumentId = result.DocumentId,
            PageNumber = result.PageNumber,
            Ocr = result.Ocr,
            Image = image,
            TextLayer = textLayer,
            Blank = result.Blank,
            ProcessedAt = _clock.GetUtcNow(),
        };
        _pages.Upsert(BsonMapping.ToBson(page));
        return page;
    }

    /// <inheritdoc />
    public IReadOnlyList<ArchiveEntry> Commit(string batchId, string user, CommitOptions? options = null)
    {
        options ??= new CommitOptions();
        lock (_commitGate)
        {
            var batch = RequireBatch(batchId);
            if (batch.State != BatchState.Approved)
            {
                throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, batch.State.ToString());
            }

            var documents = Documents(batch.Id);
            var pages = Pages(batch.Id);

            // The reviewer's arrangement of documents, when they made one, brought up to date with the pages there are.
            var plan = EntryPlanner.Plan(documents, pages, options, batch.Layout is null ? null : ReviewLayout.Of(batch, documents, pages));
            if (plan.Count == 0)
            {
                throw new ArchiveException(ArchiveProblem.NothingToCommit, batch.Name);
            }

            var now = _clock.GetUtcNow();
            var series = NumberFormat.Series(now.ToLocalTime().Year);

            // Numbers are drawn, PDFs written and every record changed inside one transaction: a crash at any point
            // leaves either all of it or none of it. PDFs are written under their final names first; an aborted
            // attempt leaves an unreferenced file that the next commit of the same number simply replaces.
            if (!_db.BeginTrans())
            {
                throw new InvalidOperationException("A transaction is already open on this thread.");
            }

            try
            {
                var last = _counters.FindById(series)?["Last"].AsInt64 ?? 0;
                var infos = plan.Select((planned, i) => new PdfDocumentInfo(planned.Title)
                {
                    ArchiveNumber = NumberFormat.Format(series, last + i + 1),
                    DocumentType = planned.DocumentType,
                    CustomerName = planned.Fields.FirstOrDefault(f => f.Key == "customer_name")?.Value,
                    CustomerNumber = planned.Fields.FirstOrDefault(f => f.Key == "customer_no")?.Value,
                    Author = user,
                    Created = now,
                }).ToList();

                var pdfs = WritePdfs(plan, infos, series, documents);
                var entries = new List<ArchiveEntry>(plan.Count);
                for (var i = 0; i < plan.Count; i++)
                {
                    var planned = plan[i];
                    var number = infos[i].ArchiveNumber!;
                    entries.Add(new ArchiveEntry
                    {
                        Number = number,
                        Series = series,
                        Sequence = last + i + 1,
                        BatchId = batch.Id,
                        BatchName = batch.Name,
                        Title = planned.Title,
                        DocumentType = planned.DocumentType,
                        Fields = planned.Fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Confidence).First().Value),
                        Pages = planned.Pages.Select((p, n) => new EntryPage(n + 1, p.Id, ReadingOrder.Text(p.Ocr.Lines), p.Image?.File, p.TextLayer)).ToList(),
                        Pdf = pdfs[i],
                        Originals = planned.Originals,
                        CommittedBy = user,
                        CommittedAt = now,
                    });
                }

                for (var i = 0; i < entries.Count; i++)
                {
                    entries[i] = FileUnderCustomer(entries[i], plan[i].Fields, now, user);
                }

                _entries.InsertBulk(entries.Select(BsonMapping.ToBson));
                _counters.Upsert(new BsonDocument { ["_id"] = series, ["Last"] = last + entries.Count });
                _outbox.InsertBulk(entries.Select(e => new BsonDocument { ["_id"] = e.Number, ["At"] = now.UtcDateTime }));
                var committed = batch with
                {
                    State = BatchState.Committed,
                    UpdatedAt = now,
                    UpdatedBy = user,
                    EntryNumbers = entries.Select(e => e.Number).ToList(),
                };
                _batches.Update(BsonMapping.ToBson(committed));
                _audit.Insert(AuditDocument(now, user, "batch.commit", batch.Name, string.Join(' ', committed.EntryNumbers)));
                _db.Commit();
                return entries;
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ArchiveEntry> Entries(int skip = 0, int take = int.MaxValue) =>
        _entries.FindAll().Select(BsonMapping.ToEntry)
            .OrderBy(e => e.Series, StringComparer.Ordinal).ThenBy(e => e.Sequence)
            .Skip(skip).Take(take).ToList();

    /// <inheritdoc />
    public ArchiveEntry? FindEntry(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var doc = _entries.FindById(number.Trim().ToUpperInvariant()) ?? _entries.FindById(number.Trim());
        return doc is null ? null : BsonMapping.ToEntry(doc);
    }

    /// <inheritdoc />
    public IReadOnlyList<Customer> Customers() => _customers.FindAll().Select(BsonMapping.ToCustomer).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public Customer? FindCustomer(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var code = CustomerMatcher.NormalizeCode(key);
        var doc = _customers.FindById(key.Trim().ToUpperInvariant())
            ?? (code is null ? null : _customers.FindOne(Query.Or(Query.EQ("IdNumber", code), Query.EQ("CustomerNo", code))));
        return doc is null ? null : BsonMapping.ToCustomer(doc);
    }

    /// <inheritdoc />
    public Stream OpenFile(StoredFile file) => _files.Open(file);

    /// <inheritdoc />
    public string PathOf(StoredFile file) => _files.FullPath(file.Path);

    /// <inheritdoc />
    public VerifyReport Verify(IProgress<int>? filesChecked = null, CancellationToken cancellationToken = default)
    {
        var owners = new List<(string Owner, StoredFile File)>();
        foreach (var entry in Entries())
        {
            owners.AddRange(entry.Files.Select(f => (entry.Number, f)));
        }

        var batchNames = _batches.FindAll().Select(BsonMapping.ToBatch).ToDictionary(b => b.Id, b => b.Name);
        foreach (var document in _documents.FindAll().Select(BsonMapping.ToDocument))
        {
            owners.Add((batchNames.GetValueOrDefault(document.BatchId, document.BatchId), document.Original));
        }

        foreach (var page in _pages.FindAll().Select(BsonMapping.ToPage))
        {
            var owner = batchNames.GetValueOrDefault(page.BatchId, page.BatchId);
            if (page.Image is not null)
            {
                owners.Add((owner, page.Image.File));
            }

            if (page.TextLayer is not null)
            {
                owners.Add((owner, page.TextLayer));
            }

            // Replaced images and the sheets scanned again in place are kept, and checked like the rest.
            owners.AddRange(new[] { page.Original }.Concat(page.History.SelectMany(h => new[] { h.Image?.File, h.TextLayer, h.Original }))
                .OfType<StoredFile>().Select(f => (owner, f)));
        }

        var missing = new List<FileProblem>();
        var altered = new List<FileProblem>();
        var checkedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (owner, file) in owners)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!checkedFiles.Add(file.Path))
            {
                continue;
            }

            switch (_files.Check(file))
            {
                case false:
                    missing.Add(new FileProblem(owner, file));
                    break;
                case true:
                    altered.Add(new FileProblem(owner, file));
                    break;
            }

            filesChecked?.Report(checkedFiles.Count);
        }

        var unreferenced = _files.Enumerate("originals", "pages", "text", "entries").Where(p => !checkedFiles.Contains(p)).ToList();
        return new VerifyReport(checkedFiles.Count, missing, altered, unreferenced);
    }

    /// <inheritdoc />
    public IReadOnlyList<ArchiveEntry> PendingIndexing() =>
        _outbox.FindAll().Select(d => FindEntry(d["_id"].AsString)).OfType<ArchiveEntry>().ToList();

    /// <inheritdoc />
    public void MarkIndexed(IEnumerable<string> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        foreach (var number in numbers)
        {
            _outbox.Delete(number);
        }
    }

    /// <summary>Queues every entry for indexing again (after the index was lost or rebuilt).</summary>
    public void RequeueAllForIndexing()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var entry in _entries.FindAll())
        {
            _outbox.Upsert(new BsonDocument { ["_id"] = entry["_id"], ["At"] = now });
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _db.Dispose();
        _lock.Dispose();
    }

    private static FileStream AcquireLock(string root)
    {
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Linux: a second process fails here, clearly.
            return new FileStream(Path.Combine(root, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new ArchiveException(ArchiveProblem.Locked, root, null, ex);
        }
    }

    /// <summary>Files an entry under its customer (<see cref="CustomerFiling"/> decides) and records the outcome; runs inside the commit transaction.</summary>
    private ArchiveEntry FileUnderCustomer(ArchiveEntry entry, IReadOnlyList<Core.Analysis.ExtractedField> fields, DateTimeOffset now, string user)
    {
        var decision = CustomerFiling.Decide(entry, fields, _customers.FindAll().Select(BsonMapping.ToCustomer).ToList(), now);
        if (decision.Updated is { } updated)
        {
            _customers.Update(BsonMapping.ToBson(updated));
        }

        if (decision.Created is { } created)
        {
            _customers.Insert(BsonMapping.ToBson(created));
        }

        if (decision.Conflict is { } conflict)
        {
            _audit.Insert(AuditDocument(now, user, "customer.conflict", entry.Number, conflict));
        }

        return decision.Entry;
    }

    private BatchDocument InsertDocument(Batch batch, StoredFile original, string sourceName, string user, string? group = null, bool blankPagesSeparate = false)
    {
        if (batch.State is BatchState.Committed or BatchState.Approved)
        {
            throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, batch.State.ToString());
        }

        lock (_commitGate)
        {
            var order = _documents.Find(Query.EQ("BatchId", batch.Id)).Select(d => d["Order"].AsInt32).DefaultIfEmpty(0).Max() + 1;
            var document = new BatchDocument
            {
                Id = $"{batch.Id}-d{order}",
                BatchId = batch.Id,
                Order = order,
                SourceName = sourceName,
                Original = original,
                Status = DocumentStatus.Pending,
                Group = group,
                BlankPagesSeparate = blankPagesSeparate,
            };
            _documents.Insert(BsonMapping.ToBson(document));
            Audit(user, "batch.add", batch.Name, sourceName);
            return document;
        }
    }

    private StoredFile[] WritePdfs(IReadOnlyList<PlannedEntry> plan, List<PdfDocumentInfo> infos, string series, IReadOnlyList<BatchDocument> documents)
    {
        var composer = new Pdf.EntryPdfComposer(_pdf, ReadAll, documents);
        var pdfs = new StoredFile[plan.Count];
        try
        {
            // The PDFs are independent files: written side by side on all cores (a batch of one-page entries spent
            // most of its commit here, one core busy). The records still go in afterwards, in one transaction.
            Parallel.For(0, plan.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                pdfs[i] = _files.PutNamed($"entries/{series}/{infos[i].ArchiveNumber}.pdf", stream => composer.Write(plan[i], infos[i], stream)));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // Callers expect the failure itself (e.g. a missing page image), as from a sequential loop.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        return pdfs;
    }

    private byte[] ReadAll(StoredFile file)
    {
        using var stream = _files.Open(file);
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private Batch RequireBatch(string nameOrId) => FindBatch(nameOrId) ?? throw new ArchiveException(ArchiveProblem.BatchNotFound, nameOrId);

    /// <summary>An audit record; the address is the event's, else the one of the operation in progress (<see cref="AuditContext"/>).</summary>
    internal static BsonDocument AuditDocument(DateTimeOffset at, string user, string action, string target, string? details, string? address = null) => new()
    {
        ["At"] = at.UtcDateTime,
        ["User"] = user,
        ["Action"] = action,
        ["Target"] = target,
        ["Details"] = details is null ? BsonValue.Null : details,
        ["Address"] = (address ?? AuditContext.Address) is { } from ? from : BsonValue.Null,
    };

    internal static BsonDocument AuditDocument(DateTimeOffset at, AuditEvent audit) =>
        AuditDocument(at, audit.User, audit.Action, audit.Target, audit.Details, audit.Address);

    private static string NewId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 6));

    private static string Extension(PageImageKind kind) => kind switch
    {
        PageImageKind.Jpeg => ".jpg",
        PageImageKind.CcittG4 => ".g4",
        _ => ".png",
    };
}
