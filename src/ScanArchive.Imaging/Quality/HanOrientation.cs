using ScanArchive.Core.Imaging;
using ScanArchive.Core.Quality;

namespace ScanArchive.Imaging.Quality;

/// <summary>
/// What the character cells of a page say about which way up its lines are: how many cells were judged, and how
/// many of them look upright.
/// </summary>
/// <param name="Cells">Character cells judged.</param>
/// <param name="Upright">Cells whose ink lies as in an upright character; the rest look turned 180°.</param>
internal readonly record struct HanVote(int Cells, int Upright)
{
    /// <summary>
    /// How far the vote is from a coin toss, in standard deviations: (upright − turned) / √cells. Positive means
    /// upright, negative upside down.
    /// </summary>
    public double Score => Cells == 0 ? 0 : ((2.0 * Upright) - Cells) / Math.Sqrt(Cells);
}

/// <summary>
/// Tells upright Chinese text from text upside down by the shape of its characters, for a few milliseconds where
/// Tesseract OSD takes 200–300 ms. Each character cell (the square a Han character fills on its text line) is
/// reduced to a <see cref="Grid"/>×<see cref="Grid"/> ink grid and weighed with <see cref="HanOrientationWeights"/>:
/// the mean upright cell minus the same turned 180°. Han characters are lopsided on average (narrow radicals on the
/// left, dots and short strokes on top, wide closing strokes at the bottom), so about four cells in five of an upright
/// page weigh positive, and of an upside-down page negative: with tens of cells the page is settled.
/// </summary>
/// <remarks>
/// The weights are learned from rendered text, not from scans (<c>ScanArchive.Bench han-orientation-train</c>
/// renders the 3,755 characters of GB 2312 level 1 in seven typefaces through this same cell finder). Latin text
/// is left to Leptonica's ascender count; the vote only speaks on pages whose lines run across (a sideways page is
/// turned a quarter first). Its verdict is a cue, not proof: the page's own recognition confirms it.
/// </remarks>
internal static class HanOrientation
{
    /// <summary>Cells per side of a character's ink grid.</summary>
    public const int Grid = 12;

    /// <summary>Rows are found within vertical strips this many character heights wide, so a skew of 2° moves a line by at most half its height inside one.</summary>
    private const double StripWidthInHeights = 16;

    /// <summary>The band of a text line: from 0.6 to 1.8 character heights (a line of small punctuation or a merged pair of lines is no line).</summary>
    private const double MinLineHeight = 0.6;
    private const double MaxLineHeight = 1.8;

    /// <summary>A Han character is about as wide as its line is high.</summary>
    private const double MinCellWidth = 0.7;
    private const double MaxCellWidth = 1.2;

    /// <summary>
    /// The vote's <see cref="HanVote.Score"/> from which it is acted on. Measured (bench han-orientation): the Chinese
    /// sample documents score 4.6–8.9 upright and −4.8 to −9.3 turned, real Chinese pages ±16–25 (a slide and
    /// handwritten notes, with 7–16 cells, under 1: left to the other tests); Latin pages score −4.2 to 2.9 (noise:
    /// their ascenders decide them, and a wrong cue is caught by the page's weak reading).
    /// </summary>
    internal const double MinScore = 4;

    /// <summary>The page's orientation by its character cells, or null when the vote is not clear enough.</summary>
    /// <param name="page">An image whose text lines run across.</param>
    public static OrientationEstimate? Estimate(RasterImage page) => Estimate(InkOf(page));

    /// <summary>As <see cref="Estimate(RasterImage)"/>, from the page's labelled ink (the quality step's own, when the page needed no turning or resampling).</summary>
    internal static OrientationEstimate? Estimate(InkMap ink)
    {
        var vote = Vote(ink);
        return Math.Abs(vote.Score) < MinScore
            ? null
            : new OrientationEstimate(vote.Score > 0 ? 0 : 180, Math.Round(Math.Abs(vote.Score), 1), OrientationMethods.CharacterShapes);
    }

    /// <summary>Counts the cells of the page that look upright and that look upside down.</summary>
    /// <param name="page">An image whose text lines run across (≈ 150 dpi is plenty); its pixels are not modified.</param>
    public static HanVote Vote(RasterImage page) => Vote(InkOf(page));

    /// <summary>The page's ink, labelled as the quality step labels it.</summary>
    private static InkMap InkOf(RasterImage page) => InkMap.Build(AnalysisImage.From(page, 1), PageMeasurer.InkDelta);

    private static HanVote Vote(InkMap ink)
    {
        var weights = HanOrientationWeights.Values;
        int cells = 0, upright = 0;
        foreach (var cell in FindCells(ink))
        {
            double score = 0;
            cell.ForEachPixel((gx, gy, share) => score += share * weights[(gy * Grid) + gx]);
            if (score != 0)
            {
                cells++;
                upright += score > 0 ? 1 : 0;
            }
        }

        return new HanVote(cells, upright);
    }

    /// <summary>Each cell's ink grid, as fractions of its ink (to learn the weights from, and for tests).</summary>
    /// <param name="page">As for <see cref="Vote"/>.</param>
    internal static List<float[]> CellGrids(RasterImage page)
    {
        var ink = InkOf(page);
        var grids = new List<float[]>();
        foreach (var cell in FindCells(ink))
        {
            var grid = new float[Grid * Grid];
            float count = 0;
            cell.ForEachPixel((gx, gy, share) =>
            {
                grid[(gy * Grid) + gx] += share;
                count += share;
            });
            if (count > 0)
            {
                for (var i = 0; i < grid.Length; i++)
                {
                    grid[i] /= count;
                }

                grids.Add(grid);
            }
        }

        return grids;
    }

    /// <summary>A character cell: a square around the ink of its parts, and those parts.</summary>
    /// <remarks>
    /// Pixels are binned exactly, in half-pixel integers: a pixel whose centre lies on the line between two bins gives
    /// half to each. Rounding it to one side would shift every grid of one orientation against the other, and the
    /// weights, largest near the corners, would then no longer weigh a turned cell as the negative of its upright self.
    /// </remarks>
    internal sealed class Cell(int twiceLeft, int twiceTop, int size, List<int> parts, List<InkRun>[] runsByPart)
    {
        /// <summary>Calls <paramref name="visit"/> with the grid position and share (1, ½ or ¼) of every ink pixel of the cell.</summary>
        public void ForEachPixel(Action<int, int, float> visit)
        {
            foreach (var part in parts)
            {
                foreach (var run in runsByPart[part])
                {
                    var (gy, gyShared) = Bin(run.Y, twiceTop);
                    for (var x = run.Start; x < run.End; x++)
                    {
                        var (gx, gxShared) = Bin(x, twiceLeft);
                        var share = (gxShared ? 0.5f : 1f) * (gyShared ? 0.5f : 1f);
                        visit(gx, gy, share);
                        if (gxShared)
                        {
                            visit(gx - 1, gy, share);
                        }

                        if (gyShared)
                        {
                            visit(gx, gy - 1, share);
                            if (gxShared)
                            {
                                visit(gx - 1, gy - 1, share);
                            }
                        }
                    }
                }
            }
        }

        /// <summary>The bin of a pixel's centre, and whether that centre lies on the line between this bin and the one before.</summary>
        private (int Bin, bool Shared) Bin(int pixel, int twiceStart)
        {
            var numerator = ((2 * pixel) + 1 - twiceStart) * Grid;
            var denominator = 2 * size;
            var bin = Math.Clamp(numerator / denominator, 0, Grid - 1);
            return (bin, bin > 0 && numerator % denominator == 0);
        }
    }

    /// <summary>The Han-character-sized cells on the page's text lines.</summary>
    internal static List<Cell> FindCells(InkMap ink)
    {
        var comps = ink.Components;
        var height = MedianCharacterHeight(ink);
        var cells = new List<Cell>();
        if (height is not { } h)
        {
            return cells;
        }

        // Marks that can be part of a character: not touching the border, not larger than a character and a half.
        var strip = Math.Max(1, (int)(h * StripWidthInHeights));
        var strips = new List<int>[(ink.Image.Width / strip) + 1];
        var wanted = new bool[comps.Count];
        for (var c = 0; c < comps.Count; c++)
        {
            var comp = comps[c];
            if (!comp.TouchesBorder && Math.Max(comp.Width, comp.Height) >= 2 && comp.Height <= 1.6 * h && comp.Width <= 1.6 * h)
            {
                (strips[(comp.Left + comp.Right) / 2 / strip] ??= []).Add(c);
                wanted[c] = true;
            }
        }

        var runsByPart = new List<InkRun>[comps.Count];
        foreach (var run in ink.Runs)
        {
            if (wanted[run.Component])
            {
                (runsByPart[run.Component] ??= []).Add(run);
            }
        }

        foreach (var members in strips)
        {
            if (members is not null)
            {
                foreach (var line in Lines(comps, members, h))
                {
                    AddCells(comps, line, runsByPart, cells);
                }
            }
        }

        return cells;
    }

    /// <summary>Median height of character-sized marks, or null with too few of them.</summary>
    private static double? MedianCharacterHeight(InkMap ink)
    {
        var maxHeight = ink.Image.Height / 15;
        var heights = new List<int>();
        foreach (var c in ink.Components)
        {
            if (!c.TouchesBorder && c.Height >= 6 && c.Height <= maxHeight && c.Width <= c.Height * 3)
            {
                heights.Add(c.Height);
            }
        }

        if (heights.Count < 10)
        {
            return null;
        }

        heights.Sort();
        return heights[heights.Count / 2];
    }

    private sealed class Line(int top, int bottom)
    {
        public int Top { get; } = top;

        public int Bottom { get; set; } = bottom;

        public List<int> Members { get; } = [];
    }

    /// <summary>
    /// Text lines within one strip: the union of the vertical extents of the marks at least <see cref="MinLineHeight"/>
    /// high. Smaller marks (dots, short strokes) join the line that holds their centre. A union does not depend on the
    /// order the marks are taken in, so a page turned 180° gives the same lines.
    /// </summary>
    private static IEnumerable<Line> Lines(List<InkComponent> comps, List<int> members, double h)
    {
        var tall = members.Where(c => comps[c].Height >= MinLineHeight * h).OrderBy(c => comps[c].Top).ToList();
        var lines = new List<Line>();
        foreach (var c in tall)
        {
            var comp = comps[c];
            if (lines.Count == 0 || comp.Top >= lines[^1].Bottom)
            {
                lines.Add(new Line(comp.Top, comp.Bottom));
            }
            else
            {
                lines[^1].Bottom = Math.Max(lines[^1].Bottom, comp.Bottom);
            }

            lines[^1].Members.Add(c);
        }

        foreach (var c in members)
        {
            var comp = comps[c];
            if (comp.Height < MinLineHeight * h)
            {
                // Centres and bands doubled, to stay in integers.
                var centre = comp.Top + comp.Bottom;
                lines.Find(l => centre >= 2 * l.Top && centre < 2 * l.Bottom)?.Members.Add(c);
            }
        }

        return lines.Where(l => l.Bottom - l.Top >= MinLineHeight * h && l.Bottom - l.Top <= MaxLineHeight * h);
    }

    /// <summary>Splits a line into cells: parts left to right, merged while their columns overlap (an order-free union, like the lines), kept when about as wide as the line is high.</summary>
    private static void AddCells(List<InkComponent> comps, Line line, List<InkRun>[] runsByPart, List<Cell> cells)
    {
        var lineHeight = line.Bottom - line.Top;
        var parts = line.Members;
        parts.Sort((a, b) => comps[a].Left.CompareTo(comps[b].Left));
        var k = 0;
        while (k < parts.Count)
        {
            var first = comps[parts[k]];
            int left = first.Left, right = first.Right, top = first.Top, bottom = first.Bottom;
            var members = new List<int> { parts[k++] };
            while (k < parts.Count && comps[parts[k]].Left < right)
            {
                var next = comps[parts[k]];
                right = Math.Max(right, next.Right);
                top = Math.Min(top, next.Top);
                bottom = Math.Max(bottom, next.Bottom);
                members.Add(parts[k++]);
            }

            var width = right - left;
            if (width < MinCellWidth * lineHeight || width > MaxCellWidth * lineHeight)
            {
                continue;
            }

            // A square around the ink, centred: a character narrower or flatter than its square keeps its place in it.
            var size = Math.Max(width, bottom - top);
            cells.Add(new Cell((2 * left) + width - size, (2 * top) + (bottom - top) - size, size, members, runsByPart));
        }
    }
}
