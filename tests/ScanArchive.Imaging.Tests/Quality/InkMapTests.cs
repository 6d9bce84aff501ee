using ScanArchive.Core.Imaging;
using ScanArchive.Imaging.Quality;
using ScanArchive.TestSupport;

namespace ScanArchive.Imaging.Tests.Quality;

/// <summary>
/// The run-based ink labelling against the plain definition: every pixel darker than its local paper by the ink
/// delta is ink, and ink pixels that touch (8 neighbours) belong to one component, numbered by first pixel.
/// </summary>
public class InkMapTests
{
    [Theory]
    [InlineData("en-invoice.jpg")]
    [InlineData("zh-contract.jpg")]
    [InlineData("qc-skewed-zh-customer-registration.jpg")]
    [InlineData("qc-low-contrast-zh-service-record.jpg")]
    [InlineData("qc-blank-page.jpg")]
    public void Sample_pages_get_the_components_of_the_plain_definition(string sample)
    {
        var page = PageQualityAnalyzerTests.Decode(sample);
        AssertMatchesReference(AnalysisImage.From(page, AnalysisImage.FactorFor(page)));
    }

    [Theory]
    [InlineData(97, 61, 1)]
    [InlineData(1001, 37, 2)]
    [InlineData(32, 32, 3)]
    [InlineData(33, 90, 4)]
    [InlineData(200, 150, 5)]
    public void Random_blobs_and_diagonal_contacts_get_the_components_of_the_plain_definition(int width, int height, int seed)
    {
        var random = new Random(seed);
        var grey = new byte[width * height];
        Array.Fill(grey, (byte)230);
        for (var i = 0; i < width * height / 6; i++)
        {
            // Isolated pixels, short bars and diagonal pairs: the cases where 4- and 8-connectivity differ.
            int x = random.Next(width), y = random.Next(height);
            grey[(y * width) + x] = (byte)random.Next(0, 120);
            if (random.Next(3) == 0 && x + 1 < width && y + 1 < height)
            {
                grey[((y + 1) * width) + x + 1] = 10;
            }
        }

        // Ink touching every edge and a row that is ink from end to end.
        grey[0] = grey[width - 1] = grey[(height - 1) * width] = grey[(height * width) - 1] = 0;
        grey.AsSpan((height / 2) * width, width).Fill(5);

        AssertMatchesReference(AnalysisImage.From(new RasterImage(width, height, PixelFormat.Gray8, grey, 300), 1));
    }

    private static void AssertMatchesReference(AnalysisImage image)
    {
        var map = InkMap.Build(image, PageMeasurer.InkDelta);
        int w = image.Width, h = image.Height;
        var ink = new bool[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                ink[(y * w) + x] = image.Grey[(y * w) + x] < map.PaperAt(x, y) - map.InkDelta;
            }
        }

        // The runs cover exactly the ink pixels, each once, in raster order.
        var covered = new bool[w * h];
        var last = -1;
        foreach (var run in map.Runs)
        {
            Assert.True(run.Start < run.End && run.Start >= 0 && run.End <= w, $"bad run {run}");
            Assert.True((run.Y * w) + run.Start > last, "runs out of raster order");
            for (var x = run.Start; x < run.End; x++)
            {
                covered[(run.Y * w) + x] = true;
            }

            last = (run.Y * w) + run.End - 1;
        }

        Assert.Equal(ink, covered);
        Assert.Equal(Reference(ink, w, h), map.Components);
    }

    /// <summary>Breadth-first 8-connected components, numbered by their first pixel in raster order.</summary>
    private static List<InkComponent> Reference(bool[] ink, int w, int h)
    {
        var seen = new bool[ink.Length];
        var components = new List<InkComponent>();
        var queue = new Queue<int>();
        for (var start = 0; start < ink.Length; start++)
        {
            if (!ink[start] || seen[start])
            {
                continue;
            }

            int left = int.MaxValue, top = int.MaxValue, right = 0, bottom = 0, area = 0;
            seen[start] = true;
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var i = queue.Dequeue();
                int x = i % w, y = i / w;
                (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x + 1), Math.Max(bottom, y + 1));
                area++;
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && ink[(ny * w) + nx] && !seen[(ny * w) + nx])
                        {
                            seen[(ny * w) + nx] = true;
                            queue.Enqueue((ny * w) + nx);
                        }
                    }
                }
            }

            components.Add(new InkComponent(left, top, right, bottom, area, left == 0 || top == 0 || right == w || bottom == h));
        }

        return components;
    }
}
