namespace ScanArchive.Ocr;

/// <summary>Measures how tall the characters on a page are, in pixels.</summary>
internal static class TextSizeEstimator
{
    /// <summary>
    /// Median height of character-sized connected components on a binarized copy. Specks, rules and
    /// pictures are excluded by size and shape. Returns null when the page has too few characters to tell.
    /// </summary>
    public static double? MedianCharacterHeight(SafePixHandle pix)
    {
        using var binary = Interop.Leptonica.pixConvertTo1(pix, 140);
        if (binary.IsInvalid)
        {
            return null;
        }

        using var boxes = Interop.Leptonica.pixConnCompBB(binary, 8);
        if (boxes.IsInvalid)
        {
            return null;
        }

        // Scanner noise on a large image yields thousands of speck components; no printed character is smaller
        // than about 1/700 of the page's long side (≈ 0.4 mm on A4), whatever the resolution.
        var minHeight = Math.Max(5, Math.Max(Interop.Leptonica.pixGetWidth(pix), Interop.Leptonica.pixGetHeight(pix)) / 700);
        var count = Interop.Leptonica.boxaGetCount(boxes);
        var heights = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            if (Interop.Leptonica.boxaGetBoxGeometry(boxes, i, out _, out _, out var w, out var h) != 0)
            {
                continue;
            }

            // Characters are at least a few pixels tall, not much wider than tall (touching pairs allowed) and
            // not needle-thin unless they are 'l', 'I', '1'.
            if (h >= minHeight && h <= 300 && w <= h * 3 && w >= 2)
            {
                heights.Add(h);
            }
        }

        if (heights.Count < 20)
        {
            return null;
        }

        heights.Sort();
        return heights[heights.Count / 2];
    }
}
