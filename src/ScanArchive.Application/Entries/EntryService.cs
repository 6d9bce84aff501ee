using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;

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

    /// <summary>Where the entry's PDF is stored (for local commands that show the path).</summary>
    public string PdfPath(ArchiveEntry entry) => Store.PathOf((entry ?? throw new ArgumentNullException(nameof(entry))).Pdf);

    private ArchiveEntry Require(Actor actor, string number)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.ReadArchive);
        return Store.FindEntry(number) ?? throw new ArchiveException(ArchiveProblem.EntryNotFound, number);
    }
}
