using System.Collections.Concurrent;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Quality;

namespace ScanArchive.Ocr;

/// <summary>
/// Finds which way up a page is. First a quick test that only confirms upright Latin text (Leptonica counts
/// ascenders against descenders, a few milliseconds); anything else (Chinese, turned pages, too little text) goes
/// to Tesseract's orientation and script detection (OSD, <c>osd.traineddata</c>), which classifies up to 250
/// characters in four orientations and costs 150–300 ms on a page — unless the caller asked for
/// <see cref="OrientationEffort.Quick"/>, which never runs OSD: a count as clearly below zero answers "upside down"
/// (<see cref="OrientationMethods.Descenders"/>, for the caller to confirm), anything else answers nothing.
/// Safe for concurrent callers: each call borrows one of a few OSD engines, created on first need (loading
/// osd.traineddata takes ~30 ms and ~10 MB per engine), because a TessBaseAPI must not be shared between threads.
/// </summary>
public sealed class TesseractOrientationDetector : IOrientationDetector, IDisposable
{
    /// <summary>Resolution assumed when the image declares none (the quality check hands over 150-dpi copies).</summary>
    private const int DefaultDpi = 150;

    /// <summary>
    /// Leptonica's up/down confidence above which a page is taken as upright without OSD (and below whose negative,
    /// when OSD cannot tell, as upside down). Measured on the bench pages (bench/quality.sh prints it per page):
    /// upright Latin pages score 6–53, upright Chinese pages −3 to 9 (a few are confirmed, the rest go to OSD),
    /// upside-down pages of either script 0.7 at most. Pages with lines running sideways are turned across before the
    /// test, so a sideways page never reaches it as such.
    /// </summary>
    internal const float MinQuickUprightConfidence = 6;

    /// <summary>Below this OSD confidence a clear ascender count decides instead (the quality step's minimum for acting on OSD is 2).</summary>
    internal const float WeakOsdConfidence = 2;

    /// <summary>Below this OSD confidence an upside-down verdict needs the ascender count not to say upright.</summary>
    internal const float ContradictedOsdConfidence = 4;

    private readonly string _tessdata;

    /// <summary>The quick test's confidence of this thread's last call (the bench prints it to show the margin).</summary>
    [ThreadStatic]
    internal static float? LastQuickConfidence;
    private readonly ConcurrentBag<SafeTessBaseApiHandle> _idle = [];
    private readonly List<SafeTessBaseApiHandle> _all = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    private TesseractOrientationDetector(string tessdata)
    {
        _tessdata = tessdata;
    }

    /// <summary>Creates a detector, checking now that <c>osd.traineddata</c> can be found and loaded.</summary>
    /// <param name="tessdataPath">A folder to look in first (as <c>--tessdata</c>); then the usual places.</param>
    /// <exception cref="OcrException">The library or <c>osd.traineddata</c> is missing (the message says what to install).</exception>
    public static TesseractOrientationDetector Create(string? tessdataPath = null)
    {
        TesseractNative.EnsureInitialized();
        var detector = new TesseractOrientationDetector(TessdataLocator.Locate("osd", tessdataPath));
        detector.Return(detector.Rent());
        return detector;
    }

    /// <inheritdoc/>
    /// <exception cref="OcrException">Tesseract failed.</exception>
    public OrientationEstimate? Detect(RasterImage page, OrientationEffort effort = OrientationEffort.Full, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        cancellationToken.ThrowIfCancellationRequested();
        using var pix = PixConverter.ToPix(page);

        // OSD's line finder reads the resolution from the image itself, not from SetSourceResolution.
        var dpi = page.Dpi ?? DefaultDpi;
        _ = Interop.Leptonica.pixSetResolution(pix, dpi, dpi);
        var quick = QuickUprightConfidence(pix, page);
        LastQuickConfidence = quick;
        if (quick is { } up && up >= MinQuickUprightConfidence)
        {
            return new OrientationEstimate(0, up, OrientationMethods.Ascenders);
        }

        // Asked for a cheap answer: a count that points as clearly away from upright is the answer (the caller has it
        // confirmed by recognition: upright Chinese pages have scored down to −3); an inconclusive one (all Chinese
        // text, little text) is left to the caller's other cues.
        if (effort == OrientationEffort.Quick)
        {
            return quick is { } down && down <= -MinQuickUprightConfidence
                ? new OrientationEstimate(180, -down, OrientationMethods.Descenders)
                : null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var api = Rent();
        try
        {
            Interop.Tesseract.TessBaseAPISetImage2(api, pix);
            Interop.Tesseract.TessBaseAPISetSourceResolution(api, dpi);
            var ok = Interop.Tesseract.TessBaseAPIDetectOrientationScript(api, out var degrees, out var confidence, out _, out _);
            Interop.Tesseract.TessBaseAPIClear(api);

            // orient_deg is the page's orientation as found (the CLI prints it as "Orientation in degrees"): a page
            // turned a quarter clockwise reports 90 and must be turned back 270 clockwise ("Rotate: 270").
            // Where OSD cannot tell (too few characters, or a weak verdict), a clearly negative ascender count means
            // Latin text upside down (100-dpi forms: OSD below confidence 2, ascenders −6 and lower).
            var upsideDown = quick is { } q && q <= -MinQuickUprightConfidence ? new OrientationEstimate(180, -q, OrientationMethods.Ascenders) : null;
            if (ok == 0)
            {
                return upsideDown;
            }

            // A weak "upside down" that the ascender count contradicts is noise (seen on a soft receipt photo).
            var rotation = ((degrees % 360) + 360) % 360;
            if (confidence < WeakOsdConfidence && upsideDown is not null)
            {
                return upsideDown;
            }

            return rotation == 180 && confidence < ContradictedOsdConfidence && quick > 0
                ? null
                : new OrientationEstimate(rotation, confidence, OrientationMethods.Osd);
        }
        finally
        {
            Return(api);
        }
    }

    /// <summary>Leptonica's up/down confidence on a binarized copy (threshold halfway between paper and ink), or null.</summary>
    internal static float? QuickUprightConfidence(SafePixHandle pix, RasterImage page)
    {
        using var binary = Interop.Leptonica.pixConvertTo1(pix, MidThreshold(page));
        if (binary.IsInvalid || Interop.Leptonica.pixOrientDetect(binary, out var up, 0, 0, 0) != 0)
        {
            return null;
        }

        return up;
    }

    /// <summary>Halfway between ink (2nd percentile) and paper (90th percentile) of the first channel.</summary>
    private static int MidThreshold(RasterImage page)
    {
        var histogram = new long[256];
        var bpp = page.BytesPerPixel;
        for (var y = 0; y < page.Height; y += 2)
        {
            var row = page.Row(y);
            for (var x = 0; x < row.Length; x += bpp * 2)
            {
                histogram[row[x]]++;
            }
        }

        var total = histogram.Sum();
        int Percentile(double p)
        {
            long seen = 0;
            for (var v = 0; v < 256; v++)
            {
                seen += histogram[v];
                if (seen >= total * p)
                {
                    return v;
                }
            }

            return 255;
        }

        return (Percentile(0.02) + Percentile(0.9) + 1) / 2;
    }

    /// <summary>Frees the OSD engines.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var api in _all)
            {
                Interop.Tesseract.TessBaseAPIEnd(api);
                api.Dispose();
            }

            _all.Clear();
        }
    }

    private SafeTessBaseApiHandle Rent()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
        }

        if (_idle.TryTake(out var api))
        {
            return api;
        }

        api = Interop.Tesseract.TessBaseAPICreate();
        if (api.IsInvalid)
        {
            throw new OcrException("Tesseract could not be created (out of memory?).");
        }

        // OSD runs on the legacy classifier, the only model osd.traineddata holds.
        var rc = Interop.Tesseract.TessBaseAPIInit4(
            api, Path.TrimEndingDirectorySeparator(_tessdata) + "/", "osd", Interop.Tesseract.OEM_TESSERACT_ONLY, null, 0, null, null, 0, 0);
        if (rc != 0)
        {
            api.Dispose();
            throw new OcrException($"Tesseract could not load osd.traineddata from {_tessdata}. Install it with: sudo apt-get install tesseract-ocr-osd");
        }

        // OSD reports "Too few characters. Skipping this page" and the like through tprintf; keep stderr for our messages.
        _ = Interop.Tesseract.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
        lock (_gate)
        {
            _all.Add(api);
        }

        return api;
    }

    private void Return(SafeTessBaseApiHandle api)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _idle.Add(api);
            }
        }
    }
}
