using ScanArchive.Core.Imaging;

namespace ScanArchive.Imaging.Quality;

/// <summary>
/// Finds the scanner background around a sheet (the lid or bed showing past the paper's edge, dark bands left after
/// straightening) and the box inside it. Judged on rows and columns of a reduced copy against the page's overall
/// paper level: the local paper estimate used for ink would follow the lid and miss it.
/// </summary>
internal static class BorderCrop
{
    /// <summary>Darker than the paper by this much is background, not paper (a grey lid is ≈ 30 below white paper).</summary>
    private const int BackgroundDelta = 18;

    /// <summary>A row or column mostly (this share) background belongs to the border.</summary>
    private const double BackgroundShare = 0.6;

    /// <summary>Never crop away more than this share of a dimension: something else is going on.</summary>
    private const double MaxCropShare = 0.3;

    /// <summary>The box to keep, in the image's pixels, or null when there is no border to remove.</summary>
    public static PixelBox? Find(RasterImage image)
    {
        var a = AnalysisImage.From(image, AnalysisImage.FactorFor(image));
        return Find(a.Grey, a.Width, a.Height, a.Factor, image.Width, image.Height);
    }

    /// <summary>
    /// The box to keep in an image of <paramref name="fullWidth"/> × <paramref name="fullHeight"/>, judged on a grey copy
    /// reduced by <paramref name="factor"/> (e.g. the analysis copy straightened the same way: a few milliseconds
    /// instead of reducing the straightened page again).
    /// </summary>
    public static PixelBox? Find(RasterImage reducedGrey, int factor, int fullWidth, int fullHeight) =>
        reducedGrey.Format == PixelFormat.Gray8 && reducedGrey.Stride == reducedGrey.Width
            ? Find(reducedGrey.Pixels, reducedGrey.Width, reducedGrey.Height, factor, fullWidth, fullHeight)
            : throw new ArgumentException("A packed grey image is required.", nameof(reducedGrey));

    private static PixelBox? Find(byte[] grey, int w, int h, int factor, int fullWidth, int fullHeight)
    {
        var histogram = new int[256];
        for (var i = 0; i < w * h; i++)
        {
            histogram[grey[i]]++;
        }

        // Paper: the 90th percentile (the lid can cover a quarter of a strongly skewed scan, text a tenth of the sheet).
        var paper = Percentile(histogram, w * h, 0.9);
        var limit = paper - BackgroundDelta;
        // Rows are judged on their middle half and columns on theirs: after straightening, the corners hold wedges
        // filled with paper colour, which would make a lid band look like paper if whole rows were counted.
        var rowDark = new int[h];
        var colDark = new int[w];
        for (var y = 0; y < h; y++)
        {
            var row = y * w;
            var middleRow = y >= h / 4 && y < h * 3 / 4;
            for (var x = 0; x < w; x++)
            {
                if (grey[row + x] < limit)
                {
                    if (x >= w / 4 && x < w * 3 / 4)
                    {
                        rowDark[y]++;
                    }

                    if (middleRow)
                    {
                        colDark[x]++;
                    }
                }
            }
        }

        var rowSpan = (w * 3 / 4) - (w / 4);
        var colSpan = (h * 3 / 4) - (h / 4);
        int top = 0, bottom = h, left = 0, right = w;
        while (top < h && rowDark[top] >= rowSpan * BackgroundShare)
        {
            top++;
        }

        while (bottom > top && rowDark[bottom - 1] >= rowSpan * BackgroundShare)
        {
            bottom--;
        }

        while (left < w && colDark[left] >= colSpan * BackgroundShare)
        {
            left++;
        }

        while (right > left && colDark[right - 1] >= colSpan * BackgroundShare)
        {
            right--;
        }

        if ((top == 0 && left == 0 && bottom == h && right == w) ||
            top + (h - bottom) > h * MaxCropShare || left + (w - right) > w * MaxCropShare)
        {
            return null;
        }

        var x0 = Math.Min(left * factor, fullWidth - 1);
        var y0 = Math.Min(top * factor, fullHeight - 1);
        var x1 = right == w ? fullWidth : Math.Min(right * factor, fullWidth);
        var y1 = bottom == h ? fullHeight : Math.Min(bottom * factor, fullHeight);
        return PixelBox.FromEdges(x0, y0, x1, y1);
    }

    private static int Percentile(int[] histogram, int total, double share)
    {
        var target = total * share;
        long seen = 0;
        for (var v = 0; v < 256; v++)
        {
            seen += histogram[v];
            if (seen >= target)
            {
                return v;
            }
        }

        return 255;
    }
}
