using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Quality;

/// <summary>
/// A page upright but not yet straightened, for the OCR engine to read in place of the cleaned image; its words are
/// then carried onto the cleaned image by <see cref="ToCleaned"/>.
/// </summary>
/// <remarks>
/// Why: Tesseract's line finder follows a skew of under a degree, and on such a page it reads the scan as fast and as
/// well as the straightened image, while the straightened one costs it up to a tenth more CPU (bench
/// <c>ocr-straightened</c>: the contract 1,458 → 1,617 ms, the account application 931 → 1,022 ms). The archive still
/// keeps and shows the straightened image, with the text laid onto it.
/// </remarks>
/// <param name="Image">The page turned upright, not straightened, not cropped.</param>
/// <param name="ContentArea">Where the content lies in <paramref name="Image"/> (as <see cref="CleanedPage.ContentArea"/>); null for the whole image.</param>
/// <param name="ToCleaned">How points of <paramref name="Image"/> land on the cleaned image.</param>
public sealed record ReadingCopy(RasterImage Image, PixelBox? ContentArea, Straightening ToCleaned);

/// <summary>
/// The geometry of straightening: a turn by <paramref name="Degrees"/> about the centre of a
/// <paramref name="Width"/> × <paramref name="Height"/> image into one of the same size (positive = the scan was
/// turned counter-clockwise and is turned back clockwise), then a crop whose top-left corner is
/// (<paramref name="CropX"/>, <paramref name="CropY"/>).
/// </summary>
/// <param name="Width">Width of the image before straightening, in pixels.</param>
/// <param name="Height">Height of the image before straightening, in pixels.</param>
/// <param name="Degrees">The skew undone.</param>
/// <param name="CropX">Left edge of the crop in the straightened image (0 for none).</param>
/// <param name="CropY">Top edge of the crop in the straightened image (0 for none).</param>
public readonly record struct Straightening(int Width, int Height, double Degrees, int CropX = 0, int CropY = 0)
{
    /// <summary>Where a point (pixel coordinates, pixel centres at whole numbers) of the image before lands after.</summary>
    public (double X, double Y) Map(double x, double y)
    {
        var radians = -Degrees * Math.PI / 180;
        double cos = Math.Cos(radians), sin = Math.Sin(radians);
        double cx = (Width - 1) / 2.0, cy = (Height - 1) / 2.0;
        double dx = x - cx, dy = y - cy;
        return ((dx * cos) + (dy * sin) + cx - CropX, (-dx * sin) + (dy * cos) + cy - CropY);
    }

    /// <summary>
    /// A box of the image before, moved with its centre and keeping its size: the turn is under a degree, and a word
    /// that was tilted by it is level afterwards, so the bounds of its turned corners would only make it taller.
    /// </summary>
    public PixelBox Map(PixelBox box)
    {
        var (x, y) = Map(box.X + ((box.Width - 1) / 2.0), box.Y + ((box.Height - 1) / 2.0));
        return box with { X = (int)Math.Round(x - ((box.Width - 1) / 2.0)), Y = (int)Math.Round(y - ((box.Height - 1) / 2.0)) };
    }

    /// <summary>
    /// A recognition of the image before, carried onto the cleaned image of <paramref name="cleanedWidth"/> ×
    /// <paramref name="cleanedHeight"/> pixels: words moved, each line the union of its words, and the text layer's
    /// area placed so that turning it by <see cref="OcrPage.TextLayerSkewDegrees"/> about its centre lays it on the
    /// cleaned image.
    /// </summary>
    public OcrPage Map(OcrPage page, int cleanedWidth, int cleanedHeight)
    {
        ArgumentNullException.ThrowIfNull(page);
        var self = this;
        var lines = page.Lines.Select(line =>
        {
            var words = line.Words.Select(w => w.MoveBoxes(self.Map)).ToList();
            var box = words.Count == 0 ? self.Map(line.Box) : words.Aggregate(default(PixelBox), (acc, w) => acc.Union(w.Box));
            return line with { Box = box, Words = words };
        }).ToList();
        return page with
        {
            Width = cleanedWidth,
            Height = cleanedHeight,
            Lines = lines,

            // The text layer covers the area read (the whole image when none was given); a turn about the image's
            // centre is the same turn about the area's centre with the area moved to where its centre goes.
            RecognizedArea = Map(page.RecognizedArea ?? new PixelBox(0, 0, Width, Height)),
            StraightenedAfterReadingDegrees = page.StraightenedAfterReadingDegrees + Degrees,
        };
    }
}
