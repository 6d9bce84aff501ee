using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;
using ScanArchive.Imaging.Quality;
using ScanArchive.TestSupport;

namespace ScanArchive.Imaging.Tests.Quality;

/// <summary>Which way up Chinese text is, from the shapes of its character cells.</summary>
public class HanOrientationTests
{
    public static TheoryData<string> ChineseDocuments() =>
        [.. SamplePages.All.Where(p => p.IsCleanDocument && p.Language.StartsWith("zh", StringComparison.Ordinal)).Select(p => p.ToString())];

    [Theory]
    [MemberData(nameof(ChineseDocuments))]
    public void Chinese_documents_are_told_upright_from_upside_down(string name)
    {
        var copy = AnalysisCopy(PageQualityAnalyzerTests.Decode(name));

        var upright = HanOrientation.Estimate(copy);
        var turned = HanOrientation.Estimate(PixelRotation.RotateClockwise(copy, 180));

        Assert.NotNull(upright);
        Assert.NotNull(turned);
        Assert.Equal(0, upright.RotationClockwise);
        Assert.Equal(180, turned.RotationClockwise);
        Assert.Equal(OrientationMethods.CharacterShapes, upright.Method);
        Assert.True(upright.Confidence >= HanOrientation.MinScore && turned.Confidence >= HanOrientation.MinScore);
    }

    /// <summary>
    /// The weights are the mean upright cell minus itself turned, so a cell turned 180° must weigh exactly the negative of
    /// itself. That only holds if the cells and their grids are found the same way in both orientations: pixels on a
    /// bin line once all went to the later bin, and turned pages then voted only two-to-one where upright ones voted
    /// four-to-one.
    /// </summary>
    [Fact]
    public void A_text_block_turned_half_round_gives_the_same_cells_with_their_grids_turned_round()
    {
        // A block narrower than a strip, so that both orientations see the same lines and cells.
        var page = PageDegradations.Grey(PageQualityAnalyzerTests.Decode("zh-contract.jpg"));
        var copy = AnalysisCopy(page);
        var block = Crop(copy, TextBlock(copy));

        var upright = HanOrientation.CellGrids(block).Select(Key).Order().ToList();
        var turned = HanOrientation.CellGrids(PixelRotation.RotateClockwise(block, 180)).Select(g => Key([.. g.Reverse()])).Order().ToList();

        Assert.True(upright.Count >= 20, $"{upright.Count} cells");
        Assert.Equal(upright, turned);
    }

    [Fact]
    public void The_quality_steps_own_ink_gives_the_same_verdict_as_the_orientation_copy()
    {
        var page = PageQualityAnalyzerTests.Decode("zh-account-application.jpg");

        var fromMeasurement = HanOrientation.Estimate(PageMeasurer.Measure(page).Ink);
        var fromCopy = HanOrientation.Estimate(AnalysisCopy(page));

        Assert.NotNull(fromMeasurement);
        Assert.Equal(fromCopy, fromMeasurement);
    }

    [Fact]
    public void The_weights_weigh_a_turned_cell_as_the_negative_of_itself()
    {
        var w = HanOrientationWeights.Values;

        Assert.Equal(HanOrientation.Grid * HanOrientation.Grid, w.Length);
        for (var i = 0; i < w.Length; i++)
        {
            Assert.Equal(w[i], -w[w.Length - 1 - i], 3);
        }

        Assert.Contains(w, v => Math.Abs(v) > 0.5f);
    }

    [Fact]
    public void Latin_text_and_empty_paper_give_no_verdict()
    {
        var paper = new byte[600 * 800];
        Array.Fill(paper, (byte)240);

        Assert.Equal(0, HanOrientation.Vote(new RasterImage(600, 800, PixelFormat.Gray8, paper, 150)).Cells);
        Assert.Null(HanOrientation.Estimate(AnalysisCopy(PageQualityAnalyzerTests.Decode("en-invoice.jpg"))));
    }

    /// <summary>The ≈150-dpi grey copy the quality step hands to orientation detection.</summary>
    private static RasterImage AnalysisCopy(RasterImage page) =>
        AnalysisImage.From(page, AnalysisImage.FactorFor(page)).ToRaster(page.Dpi);

    /// <summary>
    /// A block of the page narrower than one strip of the cell finder (16 character heights), tall enough to hold many
    /// lines, and a whole number of the ink map's 24-pixel paper blocks each way (so that turned, the paper is
    /// estimated over the same squares).
    /// </summary>
    private static PixelBox TextBlock(RasterImage copy) => new(copy.Width / 8, copy.Height / 5, 24 * 10, 24 * 30);

    private static RasterImage Crop(RasterImage image, PixelBox box) => PageTransform.Crop(image, box);

    private static string Key(float[] grid) => string.Join(",", grid.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
}
