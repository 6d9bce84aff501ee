using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging.Quality;
using ScanArchive.TestSupport;

namespace ScanArchive.Imaging.Tests.Quality;

/// <summary>The content area the cleaner hands to the OCR engine: it must hold all the page's ink, in the cleaned image's pixels.</summary>
public class ContentAreaTests
{
    [Theory]
    [InlineData("en-invoice.jpg", 0, 0)]
    [InlineData("zh-contract.jpg", 0, 0)]
    [InlineData("zh-account-application.jpg", 90, 0)]
    [InlineData("en-service-agreement.jpg", 270, 4)]
    [InlineData("zh-invoice.jpg", 180, -6)]
    public void Every_mark_of_the_cleaned_page_lies_inside_its_content_area(string sample, int turnClockwise, double skew)
    {
        var page = PageDegradations.Grey(PageQualityAnalyzerTests.Decode(sample));
        var scanned = PageDegradations.TurnClockwise(skew == 0 ? page : PageDegradations.Skew(page, skew), turnClockwise);

        // The full orientation check, so that every turn is undone (Chinese pages are otherwise left to recognition).
        var cleaned = new PageCleaner(new PageCleanerTests.KnownTurn(turnClockwise, scanned)).Reorient(scanned, QualityProfile.Default);
        Assert.Equal(turnClockwise, cleaned.Quality.Cleanup.RotatedClockwise);

        var area = Assert.IsType<PixelBox>(cleaned.ContentArea);
        var image = cleaned.Image;
        Assert.True(area.Right <= image.Width && area.Bottom <= image.Height);
        Assert.True(area.Width * (double)area.Height < 0.95 * image.Width * image.Height, $"{area} leaves no margin out of {image.Width}×{image.Height}");

        // Dark pixels away from the very edge (a straightened page's corners, the scan's own border) must all be
        // inside; a wrong turn or skew in the mapping would leave whole lines outside.
        var edge = image.Width / 50;
        long dark = 0, outside = 0;
        for (var y = edge; y < image.Height - edge; y++)
        {
            var row = image.Row(y);
            for (var x = edge; x < image.Width - edge; x++)
            {
                if (row[x] < 100)
                {
                    dark++;
                    if (x < area.X || x >= area.Right || y < area.Y || y >= area.Bottom)
                    {
                        outside++;
                    }
                }
            }
        }

        Assert.True(dark > 10_000, "precondition: a page with text");
        Assert.True(outside <= dark / 2000, $"{outside} of {dark} dark pixels lie outside {area}");
    }

    [Fact]
    public void A_faint_page_is_read_whole()
    {
        // Ink 40 levels below the paper: faint strokes may escape the ink threshold, so no area is trusted.
        var page = PageDegradations.Grey(PageQualityAnalyzerTests.Decode("en-invoice.jpg"));
        var faint = new RasterImage(page.Width, page.Height, page.Format, [.. page.Pixels.Select(v => (byte)(215 + (v * 40 / 255)))], page.Dpi, page.Stride);

        var cleaned = new PageCleaner().Clean(faint, QualityProfile.Default);

        Assert.False(cleaned.Quality.Blank);
        Assert.Null(cleaned.ContentArea);
    }

    [Fact]
    public void A_page_filled_almost_to_its_edges_gets_no_area()
    {
        // Content over nearly the whole sheet: restricting the engine would save nothing.
        // Character-sized marks in rows from 40 px off every edge (150 dpi), so that the contrast is measured as for text.
        const int Width = 1240, Height = 1754;
        var pixels = new byte[Width * Height];
        Array.Fill(pixels, (byte)255);
        for (var top = 40; top + 24 <= Height - 40; top += 48)
        {
            for (var left = 40; left + 18 <= Width - 40; left += 30)
            {
                for (var y = top; y < top + 24; y++)
                {
                    pixels.AsSpan((y * Width) + left, 18).Clear();
                }
            }
        }

        var page = new RasterImage(Width, Height, PixelFormat.Gray8, pixels, 150);

        var cleaned = new PageCleaner().Clean(page, QualityProfile.Default with { CropBorders = false });

        Assert.False(cleaned.Quality.Blank);
        Assert.Null(cleaned.ContentArea);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(90, 0)]
    [InlineData(180, 0)]
    [InlineData(270, 0)]
    [InlineData(0, 3.5)]
    [InlineData(0, -0.6)]
    [InlineData(90, 2)]
    [InlineData(270, -7)]
    public void A_box_maps_to_where_straightening_puts_its_pixels(int rotation, double skew)
    {
        var box = new PixelBox(130, 210, 170, 90);
        var image = TestImages.WhitePageWithBox(600, 800, 300, box);

        var straightened = PageTransform.Straighten(image, rotation, skew, 255);
        var mapped = PageTransform.MapBox(box, image.Width, image.Height, rotation, skew);

        var ink = InkBounds(straightened);
        Assert.InRange(mapped.X, ink.X - 2, ink.X + 2);
        Assert.InRange(mapped.Y, ink.Y - 2, ink.Y + 2);
        Assert.InRange(mapped.Right, ink.Right - 2, ink.Right + 2);
        Assert.InRange(mapped.Bottom, ink.Bottom - 2, ink.Bottom + 2);
    }

    private static PixelBox InkBounds(RasterImage image)
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < image.Width; x++)
            {
                if (row[x] < 128)
                {
                    left = Math.Min(left, x);
                    top = Math.Min(top, y);
                    right = Math.Max(right, x + 1);
                    bottom = Math.Max(bottom, y + 1);
                }
            }
        }

        return PixelBox.FromEdges(left, top, right, bottom);
    }
}
