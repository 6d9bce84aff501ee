using System.Text.Json;
using ScanArchive.Core.Documents;
using ScanArchive.TestSupport;
using Xunit;

namespace ScanArchive.Imaging.Tests;

/// <summary>Reads the committed sample scans and the shared real-page development set.</summary>
public sealed class RealPageTests
{
    private readonly DocumentReader _reader = new();

    [Fact]
    public void Every_sample_scan_reads()
    {
        // The sample set grows as it is generated: assert over whatever is there, skip nothing.
        if (!Directory.Exists(TestPaths.SampleScans))
        {
            return;
        }

        var inputs = InputCollector.Collect([TestPaths.SampleScans]).Inputs;
        foreach (var input in inputs)
        {
            var pages = _reader.ReadPages(input.Path).ToList();
            Assert.NotEmpty(pages);
            Assert.Equal(Enumerable.Range(1, pages.Count), pages.Select(p => p.Number));
            foreach (var page in pages)
            {
                Assert.True(page.Image is not null ^ page.EmbeddedText is not null, input.RelativePath);
                if (page.Image is { } image)
                {
                    Assert.True(image.Dpi is null or (>= 50 and <= 4800), $"{input.RelativePath}: dpi {image.Dpi}");
                }
            }
        }
    }

    [Fact]
    public void Real_dev_set_decodes_all_30_pages_at_their_header_sizes()
    {
        var root = Path.Combine(TestPaths.SharedDatasets, "real-dev");
        Assert.True(Directory.Exists(root), $"{root} is missing");

        var inputs = InputCollector.Collect([root]);
        Assert.Equal(30, inputs.Inputs.Count);

        foreach (var input in inputs.Inputs)
        {
            var truth = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(input.Path, ".json"))).RootElement;
            var size = truth.GetProperty("image_size");
            var page = Assert.Single(_reader.ReadPages(input.Path)).Image!;

            Assert.Equal((size[0].GetInt32(), size[1].GetInt32()), (page.Width, page.Height));
            Assert.True(page.Dpi is null or (>= 50 and <= 4800), $"{input.RelativePath}: dpi {page.Dpi}");

            // SROIE JPEGs with JFIF density 1x1 "aspect ratio" have no resolution.
            if (input.RelativePath.StartsWith("sroie", StringComparison.Ordinal) && !HasJfifDpi(input.Path))
            {
                Assert.Null(page.Dpi);
            }
        }
    }

    [Fact]
    public void Real_g4_tiff_is_300_dpi_bilevel()
    {
        var path = Path.Combine(TestPaths.SharedDatasets, "real-dev", "tesseract-test", "8087_054.3B.tif");

        var page = Assert.Single(_reader.ReadPages(path)).Image!;

        Assert.Equal((2560, 3300, Core.Imaging.PixelFormat.Gray8, 300), (page.Width, page.Height, page.Format, page.Dpi));
        Assert.InRange(TestImages.InkCoverage(page), 0.01, 0.5);
    }

    /// <summary>JFIF units byte (offset 13 in the APP0 segment): 1 = dots per inch, 2 = per cm, 0 = aspect ratio only.</summary>
    private static bool HasJfifDpi(string path)
    {
        var header = File.ReadAllBytes(path).AsSpan(0, 20);
        return header[6..11].SequenceEqual("JFIF\0"u8) && header[13] != 0;
    }
}
