using System.Diagnostics;
using ImageMagick;
using ScanArchive.Core.Documents;
using ScanArchive.TestSupport;
using UglyToad.PdfPig.Core;
using Xunit;

namespace ScanArchive.Imaging.Tests;

/// <summary>Every kind of bad input gives a <see cref="DocumentReadException"/> with the right problem and the file's name.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _temp = new("imaging-bad");
    private readonly DocumentReader _reader = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Missing_file_is_not_found_when_enumerated()
    {
        var path = Path.Combine(_temp.Path, "gone.png");

        var pages = _reader.ReadPages(path); // nothing is opened yet

        AssertProblem(path, DocumentProblem.NotFound, () => pages.ToList());
        AssertProblem(path, DocumentProblem.NotFound, () => _reader.Identify(path));
    }

    [Fact]
    public void Folder_given_as_a_file_is_not_found()
    {
        AssertProblem(_temp.Path, DocumentProblem.NotFound, () => _reader.ReadPages(_temp.Path).ToList());
    }

    [Fact]
    public void Zero_byte_file_is_empty()
    {
        var path = _temp.Write("scan.png", []);

        AssertProblem(path, DocumentProblem.Empty, () => _reader.ReadPages(path).ToList());
        AssertProblem(path, DocumentProblem.Empty, () => _reader.Identify(path));
    }

    [Fact]
    public void Text_renamed_to_png_is_unsupported()
    {
        var path = _temp.Write("invoice.png", "This is not an image.\n"u8.ToArray());

        Assert.Equal(DocumentFormat.NotADocument, _reader.Identify(path));
        AssertProblem(path, DocumentProblem.UnsupportedFormat, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Gif_is_unsupported()
    {
        using var image = Fixtures.Page(20, 20);
        var path = _temp.File("anim.gif");
        image.Write(path, MagickFormat.Gif);

        AssertProblem(path, DocumentProblem.UnsupportedFormat, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Jpeg_cut_in_half_is_truncated_not_a_half_grey_page()
    {
        var path = _temp.Write("cut.jpg", Fixtures.FirstHalf(Fixtures.JpegBytes(800, 1000)));

        AssertProblem(path, DocumentProblem.Truncated, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Jpeg_damaged_inside_is_corrupt()
    {
        var path = _temp.Write("damaged.jpg", Fixtures.ScrambleMiddle(Fixtures.JpegBytes(800, 1000)));

        AssertProblem(path, DocumentProblem.Corrupt, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Png_cut_is_truncated()
    {
        using var image = Fixtures.Page(800, 1000, color: true);
        var png = image.ToByteArray(MagickFormat.Png);
        var path = _temp.Write("cut.png", Fixtures.FirstHalf(png));

        AssertProblem(path, DocumentProblem.Truncated, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Png_damaged_inside_is_corrupt()
    {
        using var image = Fixtures.Page(800, 1000, color: true);
        var path = _temp.Write("damaged.png", Fixtures.ScrambleMiddle(image.ToByteArray(MagickFormat.Png)));

        AssertProblem(path, DocumentProblem.Corrupt, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Tiff_cut_is_truncated()
    {
        var tiff = File.ReadAllBytes(Fixtures.WriteG4Tiff(_temp.File("whole.tif"), 1000, 1400, 200));
        var path = _temp.Write("cut.tif", Fixtures.FirstHalf(tiff));

        AssertProblem(path, DocumentProblem.Truncated, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Tiff_damaged_inside_is_corrupt()
    {
        using var image = Fixtures.Page(600, 800, color: true);
        image.Settings.Compression = CompressionMethod.LZW;
        var tiff = image.ToByteArray(MagickFormat.Tiff);
        var path = _temp.Write("damaged.tif", Fixtures.ScrambleMiddle(tiff));

        AssertProblem(path, DocumentProblem.Corrupt, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Bmp_and_pnm_cut_are_truncated()
    {
        using var image = Fixtures.Page(300, 200, color: true);
        var bmp = _temp.Write("cut.bmp", Fixtures.FirstHalf(image.ToByteArray(MagickFormat.Bmp)));
        var ppm = _temp.Write("cut.ppm", Fixtures.FirstHalf(image.ToByteArray(MagickFormat.Ppm)));

        AssertProblem(bmp, DocumentProblem.Truncated, () => _reader.ReadPages(bmp).ToList());
        AssertProblem(ppm, DocumentProblem.Truncated, () => _reader.ReadPages(ppm).ToList());
    }

    [Fact]
    public void Pdf_cut_in_half_is_truncated()
    {
        var pdf = Fixtures.PdfWithJpeg(Fixtures.JpegBytes(600, 800), new PdfRectangle(0, 0, 595, 842));
        var path = _temp.Write("cut.pdf", Fixtures.FirstHalf(pdf));

        AssertProblem(path, DocumentProblem.Truncated, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Pdf_of_garbage_is_corrupt()
    {
        var garbage = new byte[4000];
        new Random(7).NextBytes(garbage);
        var path = _temp.Write("garbage.pdf", [.. "%PDF-1.7\n"u8, .. garbage, .. "\n%%EOF\n"u8]);

        AssertProblem(path, DocumentProblem.Corrupt, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Pdf_whose_page_jpeg_is_cut_is_not_read_as_a_grey_page()
    {
        var cutJpeg = Fixtures.FirstHalf(Fixtures.JpegBytes(600, 800));
        var path = _temp.Write("cut-image.pdf", Fixtures.PdfWithJpeg(cutJpeg, new PdfRectangle(0, 0, 595, 842)));

        var error = Assert.Throws<DocumentReadException>(() => _reader.ReadPages(path).ToList());

        Assert.Contains(error.Problem, new[] { DocumentProblem.Truncated, DocumentProblem.Corrupt });
        Assert.Contains("page 1", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_protected_pdf_says_so()
    {
        var path = Fixtures.TestFile("password-protected.pdf");

        AssertProblem(path, DocumentProblem.PasswordProtected, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Png_declaring_ten_gigapixels_is_refused_from_its_header()
    {
        var bomb = Fixtures.PngHeaderOnly(100_000, 100_000);
        Assert.True(bomb.Length < 2_000, $"the bomb should be tiny, is {bomb.Length} bytes");
        var path = _temp.Write("bomb.png", bomb);

        var watch = Stopwatch.StartNew();
        AssertProblem(path, DocumentProblem.TooLarge, () => _reader.ReadPages(path).ToList());
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"refusing took {watch.ElapsedMilliseconds} ms: pixels were decoded");
    }

    [Fact]
    public void Real_one_bit_png_over_the_limit_is_refused()
    {
        // A real, decodable 1-bit PNG (a few KB) that is over a lowered limit: the same path as a 60000x60000
        // bomb under the default limit, without spending minutes writing one.
        using var image = new MagickImage(MagickColors.White, 4000, 4000);
        image.ColorType = ColorType.Bilevel;
        var path = _temp.File("big.png");
        image.Write(path, MagickFormat.Png);
        Assert.True(new FileInfo(path).Length < 20_000);

        var reader = new DocumentReader(new ImagingLimits(MaxPixelsPerPage: 10_000_000));

        AssertProblem(path, DocumentProblem.TooLarge, () => reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Tiff_declaring_ten_gigapixels_is_refused_from_its_header()
    {
        var path = _temp.Write("bomb.tif", Fixtures.TiffHeaderOnly(100_000, 100_000));

        AssertProblem(path, DocumentProblem.TooLarge, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Jpeg_declaring_huge_size_is_refused_from_its_header()
    {
        var path = _temp.Write("bomb.jpg", Fixtures.JpegDeclaring(60_000, 60_000));

        AssertProblem(path, DocumentProblem.TooLarge, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Absurd_width_within_the_pixel_limit_is_stopped_by_imagemagick_limits()
    {
        // 2,000,000 x 4 is only 8 megapixels, but no page is 170 m wide: ImageMagick's own width limit refuses it.
        // (libpng has its own 1,000,000 limit and calls such a PNG invalid, so this is a TIFF.)
        var path = _temp.Write("strip.tif", Fixtures.TiffHeaderOnly(2_000_000, 4));

        AssertProblem(path, DocumentProblem.TooLarge, () => _reader.ReadPages(path).ToList());
    }

    [Fact]
    public void Pdf_image_declaring_huge_size_is_refused_before_decoding()
    {
        var path = _temp.Write("bomb.pdf", Fixtures.PdfDeclaringHugeImage(100_000, 100_000));

        var watch = Stopwatch.StartNew();
        AssertProblem(path, DocumentProblem.TooLarge, () => _reader.ReadPages(path).ToList());
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"refusing took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Tiff_with_too_many_pages_is_refused()
    {
        var path = Fixtures.WriteMultiPageTiff(_temp.File("batch.tif"), (50, 50, 100), (50, 50, 100), (50, 50, 100));
        var reader = new DocumentReader(new ImagingLimits(MaxPages: 2));

        AssertProblem(path, DocumentProblem.TooLarge, () => reader.ReadPages(path).First());
    }

    [Fact]
    public void Messages_are_for_the_user_and_details_for_the_log()
    {
        var path = _temp.Write("cut.jpg", Fixtures.FirstHalf(Fixtures.JpegBytes(400, 400)));

        var error = Assert.Throws<DocumentReadException>(() => _reader.ReadPages(path).ToList());

        Assert.DoesNotContain("jpeg.c", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.Detail));
    }

    private static void AssertProblem(string path, DocumentProblem expected, Action read)
    {
        // Exactly DocumentReadException: no MagickException or PdfPig exception may leak.
        var error = Assert.Throws<DocumentReadException>(read);
        Assert.True(expected == error.Problem, $"expected {expected}, got {error.Problem}: {error.Detail}");
        Assert.Equal(path, error.FilePath);
        Assert.Contains(Path.GetFileName(path), error.Message, StringComparison.Ordinal);
    }

    private static void AssertProblem<T>(string path, DocumentProblem expected, Func<T> read) =>
        AssertProblem(path, expected, () => { _ = read(); });
}
