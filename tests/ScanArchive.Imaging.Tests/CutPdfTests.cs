using ScanArchive.Core.Documents;
using ScanArchive.TestSupport;

namespace ScanArchive.Imaging.Tests;

/// <summary>
/// A PDF cut off halfway is refused like a cut-off image, even when its pages come first and a lenient parser still
/// finds them: a page whose decoding produced nothing is never handed on as an empty page.
/// </summary>
public sealed class CutPdfTests : IDisposable
{
    private readonly TempDirectory _temp = new("imaging-cut-pdf");
    private readonly DocumentReader _reader = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_whole_file_is_read_as_its_images()
    {
        var path = _temp.Write("whole.pdf", PagesFirstPdf.Build([Fixtures.JpegBytes(300, 400), Fixtures.JpegBytes(300, 400)]));

        var pages = _reader.ReadPages(path).ToList();

        Assert.Equal(2, pages.Count);
        Assert.All(pages, p => Assert.NotNull(p.Image));
    }

    [Fact]
    public void Cut_in_its_first_image_it_is_truncated_and_named()
    {
        var whole = PagesFirstPdf.Build([Fixtures.JpegBytes(600, 800)]);
        var path = _temp.Write("cut.pdf", Fixtures.FirstHalf(whole));

        var error = Assert.Throws<DocumentReadException>(() => _reader.ReadPages(path).ToList());

        Assert.Equal(DocumentProblem.Truncated, error.Problem);
        Assert.Contains("cut.pdf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_in_a_later_page_it_keeps_the_pages_before_and_then_fails()
    {
        var second = Fixtures.JpegBytes(600, 800);
        var whole = PagesFirstPdf.Build([Fixtures.JpegBytes(200, 300), second]);

        // Cut inside the second image: the first page and its image are whole.
        var secondAt = whole.AsSpan().IndexOf(second);
        Assert.True(secondAt > 0);
        var path = _temp.Write("cut-later.pdf", whole[..(secondAt + (second.Length / 2))]);
        var read = new List<DocumentPage>();

        var error = Assert.Throws<DocumentReadException>(() =>
        {
            foreach (var page in _reader.ReadPages(path))
            {
                read.Add(page);
            }
        });

        Assert.True(DocumentProblem.Truncated == error.Problem, error.Detail);
        Assert.True(read.Count == 1, error.Detail);
        var kept = Assert.Single(read);
        Assert.Equal((200, 300), (kept.Image!.Width, kept.Image.Height));
    }

    [Fact]
    public void Cut_only_in_its_trailer_it_still_counts_as_cut_off()
    {
        var whole = PagesFirstPdf.Build([Fixtures.JpegBytes(200, 300)]);
        var path = _temp.Write("no-trailer.pdf", whole[..(whole.Length - 10)]);

        var error = Assert.Throws<DocumentReadException>(() => _reader.ReadPages(path).ToList());

        Assert.Equal(DocumentProblem.Truncated, error.Problem);
    }

    [Fact]
    public void A_complete_file_whose_pages_lost_their_images_is_corrupt()
    {
        var path = _temp.Write("lost.pdf", PagesFirstPdf.Build([Fixtures.JpegBytes(200, 300)], dropImages: true));

        var error = Assert.Throws<DocumentReadException>(() => _reader.ReadPages(path).ToList());

        Assert.Equal(DocumentProblem.Corrupt, error.Problem);
        Assert.Contains("page 1", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_that_draws_nothing_is_still_a_blank_page()
    {
        var path = _temp.Write("blank.pdf", PagesFirstPdf.Build([Fixtures.JpegBytes(200, 300), null]));

        var pages = _reader.ReadPages(path).ToList();

        Assert.Equal(2, pages.Count);
        Assert.NotNull(pages[0].Image);
        Assert.Empty(pages[1].EmbeddedText!.Lines);
    }
}
