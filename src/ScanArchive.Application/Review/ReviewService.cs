using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ScanArchive.Application.Processing;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Text;
using ScanArchive.Imaging;

namespace ScanArchive.Application.Review;

/// <summary>
/// The review screen's use cases over a batch's pages: page images and words, a box read on the spot, blank marks,
/// turns and rescans in place, rescan requests. Every one checks the actor's permission; every change is one store
/// write with its audit record and the batch's new version. Document arrangement, the queue and labels are in
/// <see cref="ReviewDocumentsService"/>.
/// </summary>
public sealed class ReviewService(ArchiveHost host, RecognitionEngines engines, PageReworker reworker, ReviewRules rules)
{
    /// <summary>Thumbnails narrower than this are not worth a request; wider than the page they are the page.</summary>
    public const int MinThumbnailWidth = 16;

    /// <summary>A drawn box smaller than this (pixels, either side) holds no line to read.</summary>
    public const int MinLineBoxSide = 4;

    private IArchiveStore Store => host.Store;

    /// <summary>
    /// The page image as the PDF holds it (JPEG as stored, CCITT G4 as PNG), a thumbnail <paramref name="width"/> wide,
    /// or a crop. Full views are audited; thumbnails and crops (dozens per screen) are not. When
    /// <c>ifNoneMatch</c> (the caller's entity tag) matches, nothing is read or sent.
    /// </summary>
    public PageImageContent Image(Actor actor, string nameOrId, string pageId, int? width, PixelBox? crop, string? ifNoneMatch)
    {
        var (batch, page) = VisiblePage(actor, nameOrId, pageId);
        var image = page.Image ?? throw new ArchiveException(ArchiveProblem.ItemNotFound, pageId + "/image");
        var full = width is null && crop is null;
        if (width is { } w && w < MinThumbnailWidth)
        {
            throw new ArgumentException(UserMessages.Pick($"缩略图宽度至少为 {MinThumbnailWidth}。", $"A thumbnail is at least {MinThumbnailWidth} pixels wide.", CultureInfo.CurrentUICulture), nameof(width));
        }

        // The stored file's hash names its content; the variant's parameters name what was made of it.
        var variant = $"{image.File.Sha256}|{width}|{crop?.X},{crop?.Y},{crop?.Width},{crop?.Height}";
        var etag = "\"" + (full ? image.File.Sha256 : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(variant)))[..32]) + "\"";
        var type = full ? (image.Kind == PageImageKind.Jpeg ? "image/jpeg" : "image/png") : crop is null ? "image/jpeg" : "image/png";
        if (full)
        {
            Store.Audit(new AuditEvent(actor.UserName, "page.image.view", batch.Name, pageId, actor.Address));
        }

        if (ifNoneMatch is not null && ifNoneMatch.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*"))
        {
            return new PageImageContent(null, type, etag);
        }

        var stored = ReadAll(image.File);
        var (bytes, contentType) = full ? PageImageRenderer.ForBrowser(stored, image) : PageImageRenderer.Render(stored, image, width, crop);
        return new PageImageContent(bytes, contentType, etag);
    }

    /// <summary>The page's recognized words in the page image's pixels, in reading order, Chinese characters with their own boxes.</summary>
    public IReadOnlyList<WordView> Words(Actor actor, string nameOrId, string pageId)
    {
        var (_, page) = VisiblePage(actor, nameOrId, pageId);
        return WordsOf(page.Ocr);
    }

    /// <summary>Reads the text in a box drawn on the page, as one line, now.</summary>
    /// <exception cref="RecognitionUnavailableException">The line engine cannot start.</exception>
    public async Task<LineReading> RecognizeAsync(Actor actor, string nameOrId, string pageId, PixelBox box, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        var (_, page) = VisiblePage(actor, nameOrId, pageId);
        var image = page.Image ?? throw new ArchiveException(ArchiveProblem.ItemNotFound, pageId + "/image");
        var area = PixelBox.FromEdges(Math.Max(0, box.X), Math.Max(0, box.Y), Math.Min(image.Width, box.Right), Math.Min(image.Height, box.Bottom));
        if (area.Width < MinLineBoxSide || area.Height < MinLineBoxSide)
        {
            throw new ArgumentException(UserMessages.Pick("框选区域太小或在页面之外。", "The box is too small or outside the page.", CultureInfo.CurrentUICulture), nameof(box));
        }

        var raster = PageImageRenderer.Decode(ReadAll(image.File), image);
        var cut = Cut(raster, area);
        var ocr = await engines.LineEngine().RecognizeAsync(cut, cancellationToken).ConfigureAwait(false);
        var words = ocr.Lines.SelectMany(l => l.Words).ToList();
        var text = string.Join(" ", ocr.Lines.Select(l => l.Text.Trim())).Trim();
        return new LineReading(text, Math.Round(OcrPage.WeightedMeanConfidence(ocr.Lines), 1) is var c && words.Count > 0 ? c : 0);
    }

    /// <summary>Validates a value as it is typed.</summary>
    public ValueCheck Validate(Actor actor, string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        return rules.Check(key, value);
    }

    /// <summary>Marks a page blank (no content; kept and flagged) or not.</summary>
    public Batch SetBlank(Actor actor, string nameOrId, string pageId, bool blank, int? version)
    {
        var batch = Reviewable(actor, nameOrId);
        using var scope = actor.AuditScope();
        return Store.SetBlank(batch.Id, pageId, blank, actor.UserName, version);
    }

    /// <summary>Turns a page by 90, -90 or 180 degrees; it is recognized again in the background (confirmed fields stay).</summary>
    public Batch Rotate(Actor actor, string nameOrId, string pageId, int degrees, int? version)
    {
        if (degrees is not (90 or -90 or 180 or -180 or 270))
        {
            throw new ArgumentException(UserMessages.Pick("只能旋转 90、-90 或 180 度。", "A page turns by 90, -90 or 180 degrees.", CultureInfo.CurrentUICulture), nameof(degrees));
        }

        var batch = Reviewable(actor, nameOrId);
        var normalized = degrees switch { 270 => -90, -180 => 180, _ => degrees };
        using var scope = actor.AuditScope();
        var changed = Store.StartRework(batch.Id, pageId, new PageRework($"rotate {normalized.ToString(CultureInfo.InvariantCulture)}", actor.UserName, DateTimeOffset.UtcNow), version);
        reworker.Enqueue(batch.Id, pageId, actor.UserName);
        return changed;
    }

    /// <summary>Asks the clerk to scan a page again (listed by <see cref="RescanRequests"/>).</summary>
    public RescanRequest RequestRescan(Actor actor, string nameOrId, string pageId, string? reason, int? version)
    {
        var batch = Reviewable(actor, nameOrId);
        using var scope = actor.AuditScope();
        return Store.RequestRescan(batch.Id, pageId, reason, actor.UserName, version);
    }

    /// <summary>Open rescan requests the actor may see (a clerk: those of their own batches).</summary>
    public IReadOnlyList<RescanRequest> RescanRequests(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Capture);
        var visible = Store.Batches().Where(b => MaySee(actor, b)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        return [.. Store.RescanRequests().Where(r => visible.Contains(r.BatchId))];
    }

    /// <summary>
    /// Puts a new sheet in the page's place: its original is stored at once, the page is recognized again in the
    /// background, and the old image stays in the page's history (the old original with its document).
    /// </summary>
    public Batch ReplaceWithScan(Actor actor, string nameOrId, string pageId, byte[] content, string fileName, int? version)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        actor.Require(Permission.Capture);
        var (batch, _) = VisiblePage(actor, nameOrId, pageId);
        var extension = Path.GetExtension(fileName);
        var sniffed = Sniff(content, extension);
        if (sniffed == Core.Documents.DocumentFormat.NotADocument)
        {
            throw new Core.Documents.DocumentReadException(fileName, Core.Documents.DocumentProblem.UnsupportedFormat);
        }

        using var scope = actor.AuditScope();
        var original = Store.StoreOriginal(content, string.IsNullOrEmpty(extension) ? ".bin" : extension.ToLowerInvariant());
        var changed = Store.StartRework(batch.Id, pageId, new PageRework("rescan", actor.UserName, DateTimeOffset.UtcNow) { Original = original }, version);
        reworker.Enqueue(batch.Id, pageId, actor.UserName);
        return changed;
    }

    /// <summary>Words of a recognition in reading order, numbered by line.</summary>
    internal static IReadOnlyList<WordView> WordsOf(OcrPage ocr)
    {
        var words = new List<WordView>();
        var line = 0;
        foreach (var l in ReadingOrder.Rows(ocr.Lines).SelectMany(row => row))
        {
            foreach (var w in l.Words.Where(w => !string.IsNullOrWhiteSpace(w.Text)))
            {
                var chars = w.Symbols is { Count: > 0 } symbols && string.Concat(symbols.Select(s => s.Text)) == w.Text
                    ? symbols.Select(s => new CharView(s.Text, Box(s.Box), Math.Round(s.Confidence, 1))).ToList()
                    : null;
                words.Add(new WordView(w.Text, Box(w.Box), Math.Round(w.Confidence, 1), line, chars));
            }

            line++;
        }

        return words;
    }

    private static int[] Box(PixelBox b) => [b.X, b.Y, b.Width, b.Height];

    private static RasterImage Cut(RasterImage image, PixelBox area)
    {
        var bpp = image.BytesPerPixel;
        var pixels = new byte[area.Width * area.Height * bpp];
        for (var y = 0; y < area.Height; y++)
        {
            image.Row(area.Y + y).Slice(area.X * bpp, area.Width * bpp).CopyTo(pixels.AsSpan(y * area.Width * bpp));
        }

        return new RasterImage(area.Width, area.Height, image.Format, pixels, image.Dpi);
    }

    private static Core.Documents.DocumentFormat Sniff(byte[] content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), "scanarchive-sniff-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(path, content);
        try
        {
            return new DocumentReader().Identify(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private byte[] ReadAll(StoredFile file)
    {
        using var stream = Store.OpenFile(file);
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private Batch Reviewable(Actor actor, string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        return Visible(actor, nameOrId);
    }

    /// <summary>
    /// Refuses, before a sheet is scanned for it, a replacement <see cref="ReplaceWithScan"/> would refuse: a page
    /// not found or not visible, a batch not in review, a stale version, a page already being reworked.
    /// </summary>
    public void RequireReplaceable(Actor actor, string nameOrId, string pageId, int? version)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Capture);
        var (batch, page) = VisiblePage(actor, nameOrId, pageId);
        if (!BatchReview.AcceptsVerdicts(batch) || page.Rework is not null)
        {
            throw new ArchiveException(ArchiveProblem.InvalidState, batch.Name, page.Rework is null ? batch.State.ToString() : page.Rework.Change);
        }

        if (version is { } expected && expected != batch.Version)
        {
            throw new ArchiveException(ArchiveProblem.Conflict, batch.Name, $"version {expected} ≠ {batch.Version}");
        }
    }

    private (Batch Batch, BatchPage Page) VisiblePage(Actor actor, string nameOrId, string pageId)
    {
        var batch = Visible(actor, nameOrId);
        var page = Store.FindPage(pageId) is { } found && found.BatchId == batch.Id ? found : throw new ArchiveException(ArchiveProblem.ItemNotFound, pageId);
        return (batch, page);
    }

    private Batch Visible(Actor actor, string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var batch = Store.FindBatch(nameOrId) ?? throw new ArchiveException(ArchiveProblem.BatchNotFound, nameOrId);
        return MaySee(actor, batch) ? batch : throw new ArchiveException(ArchiveProblem.BatchNotFound, batch.Name);
    }

    internal static bool MaySee(Actor actor, Batch batch) =>
        actor.Can(Permission.ViewAllBatches) || string.Equals(batch.CreatedBy, actor.UserName, StringComparison.OrdinalIgnoreCase);
}
