using System.Globalization;
using ScanArchive.Capture.Sane;
using ScanArchive.Capture.Worker;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Capture;
using ScanArchive.Imaging;

namespace ScanArchive.Application.Review;

/// <summary>
/// "Rescan in place, now": the reviewer puts the sheet on the scanner, one sheet is scanned, and it takes the old
/// page's place (recognized again in the background; the old image stays in the page's history and the originals).
/// Any open rescan request for the page is closed by it.
/// </summary>
public sealed class RescanNowService(ScanArchiveOptions options, ArchiveHost host, ReviewService review)
{
    /// <summary>Scans one sheet from <paramref name="settings"/>' device and puts it in place of the page.</summary>
    /// <exception cref="ScanException">The scanner failed (jam, no paper, busy…); the page is unchanged.</exception>
    public async Task<Batch> ScanAsync(Actor actor, string nameOrId, string pageId, ScanSettings settings, int? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(settings);
        actor.Require(Permission.Capture);

        // Refused before the scanner moves: the page must exist, be visible, and the batch be at the caller's version.
        review.RequireReplaceable(actor, nameOrId, pageId, version);

        byte[]? png = null;
        await foreach (var page in Scanner().ScanAsync(settings with { MaxPages = 1 }, null, cancellationToken).ConfigureAwait(false))
        {
            png = RasterImageWriter.ToPng(page.Image);
            break;
        }

        if (png is null)
        {
            throw new ScanException(ScanFault.NoPaper, "the scan delivered no sheet");
        }

        return review.ReplaceWithScan(actor, nameOrId, pageId, png, $"rescan-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.png", version);
    }

    private ScanWorkerClient Scanner() => options.ScanWorker is { } start
        ? new ScanWorkerClient(new ScanWorkerOptions { StartInfo = start, SaneConfigDir = SaneConfigFolder.Resolve(host.Layout.Root) })
        : ScanWorkerClient.ForThisProgram(host.Layout.Root);
}
