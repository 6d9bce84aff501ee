using ScanArchive.Application.Review;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Imaging;

namespace ScanArchive.Application.Entries;

/// <summary>Committed entries: list, view, download. Every view and download is audited.</summary>
public sealed class EntryService(ArchiveHost host)
{
    private IArchiveStore Store => host.Store;

    /// <summary>Entries in number order (a page of them).</summary>
    public IReadOnlyList<ArchiveEntry> List(Actor actor, int skip = 0, int take = 100)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadArchive);
        return Store.Entries(skip, take);
    }

    /// <summary>Number of entries.</summary>
    public int Count(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadArchive);
        return Store.EntryCount;
    }

    /// <summary>One entry; the view is audited.</summary>
    public ArchiveEntry Get(Actor actor, string number)
    {
        var entry = Require(actor, number);
        Store.Audit(new AuditEvent(actor.UserName, "entry.view", entry.Number, null, actor.Address));
        return entry;
    }

    /// <summary>One entry without recording a view (for a screen that has recorded it already, or shows only part of it).</summary>
    public ArchiveEntry Find(Actor actor, string number) => Require(actor, number);

    /// <summary>Opens the entry's searchable PDF; the download is audited.</summary>
    public (ArchiveEntry Entry, Stream Pdf) OpenPdf(Actor actor, string number)
    {
        var entry = Require(actor, number);
        var stream = Store.OpenFile(entry.Pdf);
        Store.Audit(new AuditEvent(actor.UserName, "entry.download", entry.Number, entry.Pdf.Path, actor.Address));
        return (entry, stream);
    }

    /// <summary>Writes the entry's PDF to a file (whole or not at all); the export is audited.</summary>
    public ArchiveEntry Export(Actor actor, string number, string path)
    {
        var entry = Require(actor, number);
        var target = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".part";
        using (var pdf = Store.OpenFile(entry.Pdf))
        using (var output = File.Create(temporary))
        {
            pdf.CopyTo(output);
            output.Flush(flushToDisk: true);
        }

        File.Move(temporary, target, overwrite: true);
        Store.Audit(new AuditEvent(actor.UserName, "entry.export", entry.Number, target, actor.Address));
        return entry;
    }

    /// <summary>
    /// The entry's history, oldest first: its batch's audit records (capture, verdicts, corrections before → after,
    /// approval, commit), each page's QC verdict, and the entry's own (views, downloads, customer decisions).
    /// Reading it is not audited as a view of its own: the entry view that shows it is.
    /// </summary>
    public IReadOnlyList<EntryHistoryItem> History(Actor actor, string number)
    {
        var entry = Require(actor, number);
        var items = new List<EntryHistoryItem>();
        var batch = Store.FindBatch(entry.BatchId);
        if (batch is not null)
        {
            items.AddRange(Store.AuditTrail(new AuditQuery { Target = batch.Name, Take = int.MaxValue }).Select(a => new EntryHistoryItem(a.At, a.User, a.Action, a.Details)));
        }

        foreach (var page in entry.Pages)
        {
            if (Store.FindPage(page.PageId) is { Ocr.Quality: { } quality } stored)
            {
                var reasons = string.Join(", ", quality.Reasons.Select(Statistics.StatsService.ReasonName));
                items.Add(new EntryHistoryItem(stored.ProcessedAt, "", "qc", $"{page.Number}: {quality.Verdict}{(reasons.Length > 0 ? " (" + reasons + ")" : "")}"));
            }
        }

        items.AddRange(Store.AuditTrail(new AuditQuery { Target = entry.Number, Take = int.MaxValue }).Select(a => new EntryHistoryItem(a.At, a.User, a.Action, a.Details)));
        return items.OrderBy(i => i.At).ToList();
    }

    /// <summary>
    /// An entry page's image (readers of the archive may see it; the batch it came from may be another clerk's): the full
    /// image as the PDF holds it (audited), or a JPEG thumbnail <paramref name="width"/> pixels wide.
    /// </summary>
    public PageImageContent PageImage(Actor actor, string number, int pageNumber, int? width)
    {
        var entry = Require(actor, number);
        var page = entry.Pages.FirstOrDefault(p => p.Number == pageNumber) ?? throw new ArchiveException(ArchiveProblem.ItemNotFound, $"{entry.Number}/{pageNumber}");
        var image = Store.FindPage(page.PageId)?.Image ?? throw new ArchiveException(ArchiveProblem.ItemNotFound, $"{entry.Number}/{pageNumber}/image");
        byte[] stored;
        using (var stream = Store.OpenFile(image.File))
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            stored = buffer.ToArray();
        }

        if (width is null)
        {
            Store.Audit(new AuditEvent(actor.UserName, "entry.page.view", entry.Number, pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), actor.Address));
        }

        var (bytes, type) = width is null ? PageImageRenderer.ForBrowser(stored, image) : PageImageRenderer.Render(stored, image, Math.Clamp(width.Value, 64, 1200), null);
        return new PageImageContent(bytes, type, "\"" + image.File.Sha256[..32] + (width is null ? "" : "-" + width.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "\"");
    }

    /// <summary>Where the entry's PDF is stored (for local commands that show the path).</summary>
    public string PdfPath(ArchiveEntry entry) => Store.PathOf((entry ?? throw new ArgumentNullException(nameof(entry))).Pdf);

    private ArchiveEntry Require(Actor actor, string number)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadArchive);
        return Store.FindEntry(number) ?? throw new ArchiveException(ArchiveProblem.EntryNotFound, number);
    }
}
