using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;

namespace ScanArchive.Imaging.Quality;

/// <summary>
/// Which way text lines run, from the direction of each character's nearest neighbour: along a line characters sit
/// closer than across lines, in monospaced receipts as in Chinese forms (whose columns also line up, which fools a
/// comparison of projection profiles).
/// </summary>
/// <param name="Horizontal">Characters whose nearest neighbour lies left or right.</param>
/// <param name="Vertical">Characters whose nearest neighbour lies above or below.</param>
internal readonly record struct LineDirection(int Horizontal, int Vertical)
{
    /// <summary>True when the lines run top to bottom: the page lies sideways.</summary>
    public bool Sideways => Vertical > Horizontal;

    /// <summary>Majority ÷ minority (≥ 1; near 1 = undecided).</summary>
    public double Ratio => (double)Math.Max(Horizontal, Vertical) / Math.Max(1, Math.Min(Horizontal, Vertical));
}

/// <summary>What one pass over the analysis image found, before any verdict.</summary>
internal sealed record PageMeasurement
{
    public required AnalysisImage Analysis { get; init; }

    /// <summary>The ink of <see cref="Analysis"/>, labelled (kept for the orientation cues, which read the same marks).</summary>
    public required InkMap Ink { get; init; }

    /// <summary>Paper level (0–255).</summary>
    public double PaperLevel { get; init; }

    /// <summary>Typical darkest level of a character (0–255), or the paper level when there is no text.</summary>
    public double InkLevel { get; init; }

    /// <summary>Fraction of the page interior covered by content marks of 1 mm or more (edges, holes, specks and shadows left out).</summary>
    public double ContentInk { get; init; }

    /// <summary>Content marks at least a millimetre across.</summary>
    public int ContentMarks { get; init; }

    /// <summary>Punch-hole-like blobs near the edges that were ignored.</summary>
    public int PunchHoles { get; init; }

    public SkewEstimate Skew { get; init; } = SkewEstimate.None;

    public LineDirection Lines { get; init; }

    /// <summary>Median character height in original pixels (across the lines), null with too little text.</summary>
    public double? TextHeight { get; init; }

    /// <summary>Characters the median was taken over.</summary>
    public int Characters { get; init; }

    /// <summary>Median edge blur σ in original pixels, null with too few edges.</summary>
    public double? EdgeSigma { get; init; }

    /// <summary>Median gradient spread of the full-contrast ink edges in pixels at 150 dpi, null with too few such edges.</summary>
    public double? EdgeSpread { get; init; }

    /// <summary>Character-sized marks touching each side of the image.</summary>
    public PageSides CutOffSides { get; init; }

    /// <summary>Character-sized marks per cell of a <see cref="PageMeasurer.DensityGrid"/>² grid over the analysis image, row by row.</summary>
    public int[] TextDensity { get; init; } = [];

    /// <summary>Resolution used to turn millimetres into analysis pixels (declared, or assumed A4).</summary>
    public double AssumedAnalysisDpi { get; init; }

    /// <summary>
    /// The boxes of every content and edge-zone mark on the analysis image (not specks, punch holes or anything
    /// touching the border), so that the content's bounds can be taken again after straightening: the bounds of a
    /// tilted page's bounding box are wider than the straightened content by w·sin(skew).
    /// </summary>
    public IReadOnlyList<PixelBox> ContentMarkBoxes { get; init; } = [];

    /// <summary>
    /// Bounds of <see cref="ContentMarkBoxes"/>, extended to each side where text is cut off (it is read as far as the
    /// edge); null when there is no mark.
    /// </summary>
    public PixelBox? ContentBox
    {
        get
        {
            if (ContentMarkBoxes.Count == 0)
            {
                return null;
            }

            var box = ContentMarkBoxes.Aggregate(default(PixelBox), (acc, b) => acc.Union(b));
            return PixelBox.FromEdges(
                CutOffSides.HasFlag(PageSides.Left) ? 0 : box.X,
                CutOffSides.HasFlag(PageSides.Top) ? 0 : box.Y,
                CutOffSides.HasFlag(PageSides.Right) ? Analysis.Width : box.Right,
                CutOffSides.HasFlag(PageSides.Bottom) ? Analysis.Height : box.Bottom);
        }
    }
}

/// <summary>Measures a page on its analysis copy: ink, paper, marks, skew, text size, edge blur, cut-off edges.</summary>
internal static class PageMeasurer
{
    /// <summary>Darker than the local paper by this much is ink: above the noise of a reduced scan (σ ≈ 1–2) and faint
    /// show-through from the back (10–20), below faint print on grey paper (≈ 50).</summary>
    public const int InkDelta = 28;

    /// <summary>Skews searched for, either way (hand-fed sheets reach 8–10°).</summary>
    public const double MaxSkewDegrees = 15;

    /// <summary>Long side of an A4 page in inches, to turn millimetres into pixels when the file declares no resolution.</summary>
    private const double A4LongSideInches = 11.69;

    /// <summary>Cells per side of the text density grid.</summary>
    public const int DensityGrid = 8;

    /// <summary>
    /// An edge counts for the spread when its ramp spans this share of paper minus ink level: followed to full
    /// contrast, its gradient profile is the blur's own (a thin stroke's, cut short by its other side, is narrower).
    /// </summary>
    public const double FullContrastEdge = 0.8;

    /// <summary>Share of each side treated as edge zone for the blank test (staples, hole rims, shadows, lid).</summary>
    private const double EdgeZone = 0.04;

    public static PageMeasurement Measure(RasterImage image)
    {
        var analysis = AnalysisImage.From(image, AnalysisImage.FactorFor(image));
        var ink = InkMap.Build(analysis, InkDelta);
        int w = analysis.Width, h = analysis.Height;
        var longSide = Math.Max(w, h);
        var adpi = AnalysisImage.PlausibleDpi(image) is { } d ? d / (double)analysis.Factor : longSide / A4LongSideInches;
        double Mm(double mm) => mm * adpi / 25.4;

        var components = ink.Components;
        var kind = new Kind[components.Count];
        int holes = 0, marks = 0;
        long contentArea = 0;
        var zoneX = w * EdgeZone;
        var zoneY = h * EdgeZone;
        for (var c = 0; c < components.Count; c++)
        {
            var comp = components[c];
            var extent = Math.Max(comp.Width, comp.Height);
            if (comp.TouchesBorder)
            {
                kind[c] = Kind.Border;
            }
            else if (extent < Mm(0.45))
            {
                kind[c] = Kind.Speck;
            }
            else if (IsPunchHole(comp, w, h, Mm(4), Mm(10), Mm(30)))
            {
                kind[c] = Kind.Hole;
                holes++;
            }
            else if (comp.Right <= zoneX || comp.Left >= w - zoneX || comp.Bottom <= zoneY || comp.Top >= h - zoneY)
            {
                kind[c] = Kind.EdgeZone;
            }
            else
            {
                kind[c] = Kind.Content;

                // Only marks a millimetre across count towards content: dust and toner specks on an empty sheet are
                // smaller, and a page with text has plenty of larger marks.
                if (extent >= Mm(1.0))
                {
                    contentArea += comp.Area;
                    marks++;
                }
            }
        }

        var markBoxes = new List<PixelBox>();
        for (var c = 0; c < components.Count; c++)
        {
            if (kind[c] is Kind.Content or Kind.EdgeZone)
            {
                var comp = components[c];
                markBoxes.Add(new PixelBox(comp.Left, comp.Top, comp.Width, comp.Height));
            }
        }

        var interior = (w - (2 * zoneX)) * (h - (2 * zoneY));
        var contentInk = interior > 0 ? contentArea / interior : 0;

        // Skew from every ink pixel of the content and edge-zone marks (not the lid, shadows or holes).
        // Every k-th such pixel: the profile shape needs tens of thousands of points, not millions.
        long inkPixels = 0;
        for (var c = 0; c < components.Count; c++)
        {
            if (kind[c] is Kind.Content or Kind.EdgeZone)
            {
                inkPixels += components[c].Area;
            }
        }

        var stride = (int)Math.Max(1, (inkPixels + SkewEstimator.MaxPoints - 1) / SkewEstimator.MaxPoints);
        var xs = new int[(inkPixels / stride) + 1];
        var ys = new int[xs.Length];
        var n = 0;
        var seen = 0;
        foreach (var run in ink.Runs)
        {
            if (kind[run.Component] is not (Kind.Content or Kind.EdgeZone))
            {
                continue;
            }

            for (var x = run.Start; x < run.End && n < xs.Length; x++)
            {
                if (seen++ % stride == 0)
                {
                    xs[n] = x;
                    ys[n] = run.Y;
                    n++;
                }
            }
        }

        var skew = SkewEstimator.Estimate(xs, ys, n, w, h, MaxSkewDegrees);
        var lines = NeighbourDirections(components, kind, Math.Max(3, Mm(0.8)), longSide / 15.0);

        // Character-sized marks: their height across the lines (width on a sideways page) is the text size, and their
        // darkest pixel is the ink level.
        var heights = new List<int>();
        var darkest = new List<int>();
        var minChar = Math.Max(3, Mm(0.8));
        var maxChar = longSide / 15.0;
        var minima = ComponentMinima(ink, components.Count);
        var density = new int[DensityGrid * DensityGrid];
        for (var c = 0; c < components.Count; c++)
        {
            if (kind[c] != Kind.Content)
            {
                continue;
            }

            var comp = components[c];
            var (across, along) = lines.Sideways ? (comp.Width, comp.Height) : (comp.Height, comp.Width);
            if (across >= minChar && across <= maxChar && along <= across * 3)
            {
                heights.Add(across);
                darkest.Add(minima[c]);
                var gx = Math.Min(DensityGrid - 1, (comp.Left + comp.Right) * DensityGrid / (2 * w));
                var gy = Math.Min(DensityGrid - 1, (comp.Top + comp.Bottom) * DensityGrid / (2 * h));
                density[(gy * DensityGrid) + gx]++;
            }
        }

        double? textHeight = null;
        var inkLevel = ink.PaperLevel;
        if (heights.Count >= 20)
        {
            heights.Sort();
            textHeight = heights[heights.Count / 2] * (double)analysis.Factor;
        }

        if (darkest.Count >= 5)
        {
            darkest.Sort();
            inkLevel = darkest[darkest.Count / 2];
        }

        var contrast = ink.PaperLevel - inkLevel;
        var minEdge = (int)Math.Max(20, contrast * 0.5);
        var fullEdge = (int)Math.Max(minEdge, contrast * FullContrastEdge);
        var edges = EdgeBlurEstimator.Measure(analysis, minEdge, fullEdge);
        var sigma = EdgeBlurEstimator.Median(edges.Sigmas);
        var spread = edges.SpreadAt150(fullEdge, textHeight / analysis.Factor, AnalysisImage.PlausibleDpi(image) / (double)analysis.Factor, adpi);

        return new PageMeasurement
        {
            Analysis = analysis,
            Ink = ink,
            PaperLevel = ink.PaperLevel,
            InkLevel = inkLevel,
            ContentInk = contentInk,
            ContentMarks = marks,
            PunchHoles = holes,
            Skew = skew,
            Lines = lines,

            TextHeight = textHeight,
            Characters = heights.Count,
            EdgeSigma = sigma * analysis.Factor,
            EdgeSpread = spread,
            CutOffSides = CutOff(components, kind, w, h, textHeight is { } th ? th / analysis.Factor : Mm(2.5)),
            AssumedAnalysisDpi = adpi,
            ContentMarkBoxes = markBoxes,
            TextDensity = density,
        };
    }

    private enum Kind : byte
    {
        Content,
        Border,
        Speck,
        Hole,
        EdgeZone,
    }

    /// <summary>
    /// A punched filing hole: a round, filled blob 4–10 mm across whose centre lies within 30 mm of an edge
    /// (dark where the lid is dark; invisible, and so harmless, where it is white).
    /// </summary>
    private static bool IsPunchHole(InkComponent c, int w, int h, double minSize, double maxSize, double nearEdge)
    {
        if (c.Width < minSize || c.Height < minSize || c.Width > maxSize || c.Height > maxSize)
        {
            return false;
        }

        var aspect = c.Width / (double)c.Height;
        var fill = c.Area / (double)(c.Width * c.Height);
        var cx = (c.Left + c.Right) / 2.0;
        var cy = (c.Top + c.Bottom) / 2.0;
        var edgeDistance = Math.Min(Math.Min(cx, w - cx), Math.Min(cy, h - cy));
        return aspect is > 0.75 and < 1.33 && fill > 0.6 && edgeDistance <= nearEdge;
    }

    /// <summary>Counts, over character-sized marks, whether each one's nearest neighbour lies sideways or up/down.</summary>
    private static LineDirection NeighbourDirections(List<InkComponent> components, Kind[] kind, double minSize, double maxSize)
    {
        var centres = new List<(double X, double Y)>();
        var extents = new List<int>();
        for (var c = 0; c < components.Count; c++)
        {
            var comp = components[c];
            var extent = Math.Max(comp.Width, comp.Height);
            if (kind[c] == Kind.Content && extent >= minSize && extent <= maxSize && Math.Min(comp.Width, comp.Height) * 5 >= extent)
            {
                centres.Add(((comp.Left + comp.Right) / 2.0, (comp.Top + comp.Bottom) / 2.0));
                extents.Add(extent);
            }
        }

        if (centres.Count < 10)
        {
            return default;
        }

        extents.Sort();
        var cell = Math.Max(4, extents[extents.Count / 2] * 2);
        var grid = new Dictionary<(int, int), List<int>>();
        for (var i = 0; i < centres.Count; i++)
        {
            var key = ((int)(centres[i].X / cell), (int)(centres[i].Y / cell));
            if (!grid.TryGetValue(key, out var list))
            {
                grid[key] = list = [];
            }

            list.Add(i);
        }

        int horizontal = 0, vertical = 0;
        for (var i = 0; i < centres.Count; i++)
        {
            var (x, y) = centres[i];
            int gx = (int)(x / cell), gy = (int)(y / cell);
            var best = double.MaxValue;
            double bdx = 0, bdy = 0;
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    if (!grid.TryGetValue((gx + dx, gy + dy), out var list))
                    {
                        continue;
                    }

                    foreach (var j in list)
                    {
                        if (j == i)
                        {
                            continue;
                        }

                        var ddx = centres[j].X - x;
                        var ddy = centres[j].Y - y;
                        var d = (ddx * ddx) + (ddy * ddy);
                        if (d < best)
                        {
                            (best, bdx, bdy) = (d, ddx, ddy);
                        }
                    }
                }
            }

            if (best < double.MaxValue)
            {
                if (Math.Abs(bdx) >= Math.Abs(bdy))
                {
                    horizontal++;
                }
                else
                {
                    vertical++;
                }
            }
        }

        return new LineDirection(horizontal, vertical);
    }

    private static int[] ComponentMinima(InkMap ink, int count)
    {
        var minima = new int[count];
        Array.Fill(minima, 255);
        var grey = ink.Image.Grey;
        var w = ink.Image.Width;
        foreach (var run in ink.Runs)
        {
            foreach (var v in grey.AsSpan((run.Y * w) + run.Start, run.End - run.Start))
            {
                if (v < minima[run.Component])
                {
                    minima[run.Component] = v;
                }
            }
        }

        return minima;
    }

    /// <summary>
    /// Sides where at least three character-sized marks touch the image edge: text running off the scan. The scanner
    /// lid, shadows and a skewed sheet's outline are single large marks and do not count.
    /// </summary>
    private static PageSides CutOff(List<InkComponent> components, Kind[] kind, int w, int h, double textHeight)
    {
        int left = 0, top = 0, right = 0, bottom = 0;
        for (var c = 0; c < components.Count; c++)
        {
            if (kind[c] != Kind.Border)
            {
                continue;
            }

            var comp = components[c];
            var extent = Math.Max(comp.Width, comp.Height);
            if (extent < textHeight * 0.5 || extent > textHeight * 4)
            {
                continue;
            }

            if (comp.Left == 0)
            {
                left++;
            }

            if (comp.Top == 0)
            {
                top++;
            }

            if (comp.Right == w)
            {
                right++;
            }

            if (comp.Bottom == h)
            {
                bottom++;
            }
        }

        var sides = PageSides.None;
        sides |= left >= 3 ? PageSides.Left : 0;
        sides |= top >= 3 ? PageSides.Top : 0;
        sides |= right >= 3 ? PageSides.Right : 0;
        sides |= bottom >= 3 ? PageSides.Bottom : 0;
        return sides;
    }
}
