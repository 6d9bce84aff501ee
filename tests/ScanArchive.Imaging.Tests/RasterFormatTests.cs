using ImageMagick;
using ScanArchive.Core.Documents;
using ScanArchive.Core.Imaging;
using ScanArchive.TestSupport;
using Xunit;

namespace ScanArchive.Imaging.Tests;

public sealed class RasterFormatTests : IDisposable
{
    private readonly TempDirectory _temp = new("imaging-raster");
    private readonly DocumentReader _reader = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Png_with_pHYs_decodes_as_grey_with_its_dpi()
    {
        using var image = Fixtures.Page(620, 877);
        var path = Fixtures.Write(_temp.File("page.png"), image, MagickFormat.Png, 300, DensityUnit.PixelsPerCentimeter);

        var page = Assert.Single(_reader.ReadPages(path));

        Assert.Equal(DocumentFormat.Png, _reader.Identify(path));
        Assert.Equal(1, page.Number);
        Assert.Null(page.EmbeddedText);
        var raster = page.Image!;
        Assert.Equal((620, 877, PixelFormat.Gray8, 300), (raster.Width, raster.Height, raster.Format, raster.Dpi));
        Assert.Equal(255, raster.Row(0)[0]);
        Assert.Equal(0, raster.Row(877 / 10 + 2)[620 / 10 + 2]);
    }

    [Fact]
    public void Png_without_pHYs_has_no_dpi()
    {
        using var image = Fixtures.Page(100, 80);
        var path = Fixtures.Write(_temp.File("nodpi.png"), image, MagickFormat.Png, dpi: null);

        Assert.Null(Assert.Single(_reader.ReadPages(path)).Image!.Dpi);
    }

    [Fact]
    public void Colour_jpeg_with_jfif_dpi_decodes_as_rgb()
    {
        using var image = Fixtures.Page(400, 500, color: true);
        var path = Fixtures.Write(_temp.File("scan.jpg"), image, MagickFormat.Jpeg, 200);

        var raster = Assert.Single(_reader.ReadPages(path)).Image!;

        Assert.Equal(DocumentFormat.Jpeg, _reader.Identify(path));
        Assert.Equal((400, 500, PixelFormat.Rgb24, 200), (raster.Width, raster.Height, raster.Format, raster.Dpi));

        // The red block: R high, G and B low.
        var red = raster.Row(500 * 55 / 100).Slice(3 * 150, 3);
        Assert.True(red[0] > 200 && red[1] < 60 && red[2] < 60, $"expected red, got {red[0]},{red[1]},{red[2]}");
    }

    [Fact]
    public void Jpeg_with_jfif_aspect_ratio_only_has_no_dpi()
    {
        // JFIF units 0 with density 1x1 is a pixel aspect ratio, not a resolution (the SROIE receipts do this).
        using var image = Fixtures.Page(120, 90, color: true);
        image.Density = new Density(1, 1, DensityUnit.Undefined);
        var path = _temp.File("aspect.jpg");
        image.Write(path, MagickFormat.Jpeg);

        Assert.Null(Assert.Single(_reader.ReadPages(path)).Image!.Dpi);
    }

    [Fact]
    public void Grey_jpeg_decodes_as_gray8()
    {
        using var image = Fixtures.Page(300, 200);
        var path = Fixtures.Write(_temp.File("grey.jpg"), image, MagickFormat.Jpeg, 150);

        var raster = Assert.Single(_reader.ReadPages(path)).Image!;

        Assert.Equal((PixelFormat.Gray8, 150), (raster.Format, raster.Dpi));
    }

    [Fact]
    public void Cmyk_jpeg_is_converted_to_rgb()
    {
        using var image = Fixtures.Page(200, 100, color: true);
        image.ColorSpace = ColorSpace.CMYK;
        var path = Fixtures.Write(_temp.File("cmyk.jpg"), image, MagickFormat.Jpeg, 300);

        var raster = Assert.Single(_reader.ReadPages(path)).Image!;

        Assert.Equal(PixelFormat.Rgb24, raster.Format);
        Assert.True(raster.Row(2)[0] > 240, "white paper stays white");
    }

    [Fact]
    public void Jpeg_with_exif_orientation_is_turned_upright()
    {
        using var image = Fixtures.Page(300, 100, color: true);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6); // "rotate 90° clockwise to display"
        image.SetProfile(exif);
        image.Orientation = Orientation.RightTop; // ImageMagick rewrites the EXIF tag from this when writing
        var path = Fixtures.Write(_temp.File("phone.jpg"), image, MagickFormat.Jpeg, 300);

        var raster = Assert.Single(_reader.ReadPages(path)).Image!;

        Assert.Equal((100, 300), (raster.Width, raster.Height));
    }

    [Fact]
    public void Tiff_takes_its_resolution_tags()
    {
        using var image = Fixtures.Page(500, 700, color: true);
        image.Settings.Compression = CompressionMethod.LZW;
        var path = Fixtures.Write(_temp.File("scan.tif"), image, MagickFormat.Tiff, 400);

        var raster = Assert.Single(_reader.ReadPages(path)).Image!;

        Assert.Equal(DocumentFormat.Tiff, _reader.Identify(path));
        Assert.Equal((500, 700, PixelFormat.Rgb24, 400), (raster.Width, raster.Height, raster.Format, raster.Dpi));
    }

    [Fact]
    public void Bilevel_ccitt_g4_tiff_expands_to_black_and_white_gray8()
    {
        var path = Fixtures.WriteG4Tiff(_temp.File("fax.tif"), 1700, 2200, 200);

        var raster = Assert.Single(_reader.ReadPages(path)).Image!;

        Assert.Equal((1700, 2200, PixelFormat.Gray8, 200), (raster.Width, raster.Height, raster.Format, raster.Dpi));
        Assert.All(raster.Pixels, p => Assert.True(p is 0 or 255));
        Assert.Equal(255, raster.Row(5)[5]);
        Assert.Equal(0, raster.Row(2200 / 10 + 2)[1700 / 10 + 2]);
        Assert.InRange(TestImages.InkCoverage(raster), 0.001, 0.05);
    }

    [Fact]
    public void Multi_page_tiff_gives_each_page_with_its_own_dpi_decoding_one_at_a_time()
    {
        var path = Fixtures.WriteMultiPageTiff(_temp.File("batch.tif"), (300, 400, 100), (600, 800, 200), (900, 1200, 300));

        using var pages = _reader.ReadPages(path).GetEnumerator();
        Assert.True(pages.MoveNext());
        Assert.Equal((1, 300, 400, 100), (pages.Current.Number, pages.Current.Image!.Width, pages.Current.Image.Height, pages.Current.Image.Dpi));

        // Pages are decoded only when reached: rewrite the file between pages (same sizes, other resolutions)
        // and the later pages come from the new content.
        Fixtures.WriteMultiPageTiff(path, (300, 400, 110), (600, 800, 210), (900, 1200, 310));
        var rest = new List<DocumentPage>();
        while (pages.MoveNext())
        {
            rest.Add(pages.Current);
        }

        Assert.Equal([2, 3], rest.Select(p => p.Number));
        Assert.Equal([(600, 800, 210), (900, 1200, 310)], rest.Select(p => (p.Image!.Width, p.Image.Height, p.Image.Dpi ?? 0)));
    }

    [Fact]
    public void Bmp_takes_its_pixels_per_metre()
    {
        using var image = Fixtures.Page(333, 222, color: true);
        var path = Fixtures.Write(_temp.File("scan.bmp"), image, MagickFormat.Bmp, 300, DensityUnit.PixelsPerCentimeter);

        var raster = Assert.Single(_reader.ReadPages(path)).Image!;

        Assert.Equal(DocumentFormat.Bmp, _reader.Identify(path));
        Assert.Equal((333, 222, PixelFormat.Rgb24, 300), (raster.Width, raster.Height, raster.Format, raster.Dpi));
    }

    [Fact]
    public void One_bit_palette_bmp_decodes_as_gray8()
    {
        using var image = Fixtures.Page(160, 120);
        image.ColorType = ColorType.Bilevel;
        var path = Fixtures.Write(_temp.File("bw.bmp"), image, MagickFormat.Bmp3, 200, DensityUnit.PixelsPerCentimeter);

        var raster = Assert.Single(_reader.ReadPages(path)).Image!;

        Assert.Equal((PixelFormat.Gray8, 200), (raster.Format, raster.Dpi));
        Assert.All(raster.Pixels, p => Assert.True(p is 0 or 255));
    }

    [Fact]
    public void Png_transparency_is_flattened_onto_white()
    {
        using var image = new MagickImage(MagickColors.Transparent, 40, 30);
        var path = _temp.File("alpha.png");
        image.Write(path, MagickFormat.Png);

        var raster = Assert.Single(_reader.ReadPages(path)).Image!;

        Assert.All(raster.Pixels, p => Assert.Equal(255, p));
    }

    [Theory]
    [InlineData("P1\n# plain bitmap\n3 2\n1 0 1\n0 1 0\n", PixelFormat.Gray8, new byte[] { 0, 255, 0, 255, 0, 255 })]
    [InlineData("P2\n3 2\n255\n0 128 255\n10 20 30\n", PixelFormat.Gray8, new byte[] { 0, 128, 255, 10, 20, 30 })]
    [InlineData("P3\n2 1\n255\n255 0 0 0 0 255\n", PixelFormat.Rgb24, new byte[] { 255, 0, 0, 0, 0, 255 })]
    public void Plain_pnm_decodes_pixel_exact(string content, PixelFormat format, byte[] expected)
    {
        var path = _temp.Write("plain.pnm", System.Text.Encoding.ASCII.GetBytes(content));

        var raster = Assert.Single(_reader.ReadPages(path)).Image!;

        Assert.Equal(DocumentFormat.Pnm, _reader.Identify(path));
        Assert.Equal(format, raster.Format);
        Assert.Null(raster.Dpi);
        Assert.Equal(expected, raster.Pixels);
    }

    [Fact]
    public void Raw_pbm_pgm_ppm_decode_pixel_exact()
    {
        // P4: 1 = black, rows padded to whole bytes. 10x2: 1010000000 / 0101000000.
        var p4 = _temp.Write("raw.pbm", [.. "P4\n10 2\n"u8, 0b1010_0000, 0b0000_0000, 0b0101_0000, 0b0000_0000]);
        var p5 = _temp.Write("raw.pgm", [.. "P5\n3 1\n255\n"u8, 7, 8, 9]);
        var p6 = _temp.Write("raw.ppm", [.. "P6\n1 2\n255\n"u8, 1, 2, 3, 250, 251, 252]);

        var bits = Assert.Single(_reader.ReadPages(p4)).Image!;
        var grey = Assert.Single(_reader.ReadPages(p5)).Image!;
        var rgb = Assert.Single(_reader.ReadPages(p6)).Image!;

        Assert.Equal((10, 2, PixelFormat.Gray8), (bits.Width, bits.Height, bits.Format));
        Assert.Equal(new byte[] { 0, 255, 0, 255, 255, 255, 255, 255, 255, 255 }, bits.Row(0).ToArray());
        Assert.Equal(new byte[] { 255, 0, 255, 0, 255, 255, 255, 255, 255, 255 }, bits.Row(1).ToArray());
        Assert.Equal(new byte[] { 7, 8, 9 }, grey.Pixels);
        Assert.Equal(PixelFormat.Gray8, grey.Format);
        Assert.Equal(new byte[] { 1, 2, 3, 250, 251, 252 }, rgb.Pixels);
        Assert.Equal(PixelFormat.Rgb24, rgb.Format);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(9600)]
    public void Implausible_resolution_is_treated_as_unknown(int dpi)
    {
        using var image = Fixtures.Page(64, 64);
        var path = Fixtures.Write(_temp.File($"dpi{dpi}.png"), image, MagickFormat.Png, dpi);

        Assert.Null(Assert.Single(_reader.ReadPages(path)).Image!.Dpi);
    }

    [Fact]
    public void Format_is_recognised_by_content_not_by_name()
    {
        using var image = Fixtures.Page(50, 40);
        var path = Fixtures.Write(_temp.File("really-a-png.jpg"), image, MagickFormat.Png, 300);

        Assert.Equal(DocumentFormat.Png, _reader.Identify(path));
        Assert.Equal(50, Assert.Single(_reader.ReadPages(path)).Image!.Width);
    }

    [Fact]
    public void File_names_with_imagemagick_syntax_are_read_as_plain_files()
    {
        using var image = Fixtures.Page(50, 40);
        var path = Fixtures.Write(_temp.File("scan[0] x:y.png"), image, MagickFormat.Png, 300);

        Assert.Equal(50, Assert.Single(_reader.ReadPages(path)).Image!.Width);
    }
}
