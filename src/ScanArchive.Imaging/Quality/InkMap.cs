using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ScanArchive.Imaging.Quality;

/// <summary>A connected group of ink pixels on the analysis image (bounds exclusive on the right and bottom).</summary>
internal readonly record struct InkComponent(int Left, int Top, int Right, int Bottom, int Area, bool TouchesBorder)
{
    public int Width => Right - Left;

    public int Height => Bottom - Top;
}

/// <summary>A horizontal run of ink pixels on one row of the analysis image (<see cref="End"/> exclusive).</summary>
internal readonly record struct InkRun(int Y, int Start, int End, int Component);

/// <summary>
/// Which analysis pixels are ink: darker than the local paper by a margin. The paper level is estimated per block
/// (a high percentile, so text inside the block does not pull it down) and spread to neighbouring blocks, so that
/// illumination fall-off, tinted or grey paper and edge shadows are followed rather than mistaken for ink.
/// </summary>
/// <remarks>
/// The ink is kept as runs, not as a per-pixel map: a text page is ~5 % ink, so labelling runs touches a fraction
/// of the memory a per-pixel label image does (that image, 9 MB of ints per page, was the quality step's largest
/// cost while Tesseract filled the caches). Rows are thresholded 32 pixels at a time.
/// </remarks>
internal sealed class InkMap
{
    /// <summary>Block side for the paper estimate, in analysis pixels (≈ 4 mm at 150 dpi: smaller than a margin, larger than a stroke).</summary>
    private const int BlockSize = 24;

    private readonly byte[] _paper;
    private readonly int _blocksX;

    private InkMap(AnalysisImage image, byte[] paper, int blocksX, int inkDelta)
    {
        Image = image;
        _paper = paper;
        _blocksX = blocksX;
        InkDelta = inkDelta;
    }

    public AnalysisImage Image { get; }

    /// <summary>How much darker than the local paper a pixel must be to count as ink.</summary>
    public int InkDelta { get; }

    /// <summary>Every ink run, row by row and left to right; <see cref="InkRun.Component"/> indexes <see cref="Components"/>.</summary>
    public List<InkRun> Runs { get; } = [];

    /// <summary>Connected groups of ink (8-connected), in the raster order of their first pixel.</summary>
    public List<InkComponent> Components { get; } = [];

    /// <summary>Median paper level over the page (0–255).</summary>
    public double PaperLevel { get; private set; }

    /// <summary>The local paper level at an analysis pixel.</summary>
    public int PaperAt(int x, int y) => _paper[(Math.Min(y / BlockSize, (_paper.Length / _blocksX) - 1) * _blocksX) + Math.Min(x / BlockSize, _blocksX - 1)];

    public static InkMap Build(AnalysisImage image, int inkDelta)
    {
        var (paper, blocksX) = EstimatePaper(image);
        var map = new InkMap(image, paper, blocksX, inkDelta);
        map.PaperLevel = MedianByte(paper);
        map.Label();
        return map;
    }

    private static (byte[] Paper, int BlocksX) EstimatePaper(AnalysisImage image)
    {
        int w = image.Width, h = image.Height;
        var bx = (w + BlockSize - 1) / BlockSize;
        var by = (h + BlockSize - 1) / BlockSize;
        var level = new byte[bx * by];
        Span<int> histogram = stackalloc int[256];
        for (var j = 0; j < by; j++)
        {
            for (var i = 0; i < bx; i++)
            {
                histogram.Clear();
                var count = 0;
                for (var y = j * BlockSize; y < Math.Min(h, (j + 1) * BlockSize); y++)
                {
                    var row = y * w;
                    for (var x = i * BlockSize; x < Math.Min(w, (i + 1) * BlockSize); x++)
                    {
                        histogram[image.Grey[row + x]]++;
                        count++;
                    }
                }

                // The 90th percentile: paper even in a block that is half text, not fooled by a few bright specks.
                var target = count * 9 / 10;
                var seen = 0;
                var v = 0;
                for (; v < 255; v++)
                {
                    seen += histogram[v];
                    if (seen > target)
                    {
                        break;
                    }
                }

                level[(j * bx) + i] = (byte)v;
            }
        }

        // A block wholly inside a heading, a photo or a black bar has no paper; its brightest neighbour stands in.
        var spread = new byte[level.Length];
        for (var j = 0; j < by; j++)
        {
            for (var i = 0; i < bx; i++)
            {
                byte max = 0;
                for (var dj = -1; dj <= 1; dj++)
                {
                    for (var di = -1; di <= 1; di++)
                    {
                        int ni = i + di, nj = j + dj;
                        if (ni >= 0 && nj >= 0 && ni < bx && nj < by)
                        {
                            max = Math.Max(max, level[(nj * bx) + ni]);
                        }
                    }
                }

                spread[(j * bx) + i] = max;
            }
        }

        return (spread, bx);
    }

    /// <summary>
    /// Finds the ink runs row by row and labels them 8-connected with union-find over runs (a run joins every run of
    /// the row above that overlaps it or touches it diagonally), then numbers components by their first run.
    /// </summary>
    private void Label()
    {
        int w = Image.Width, h = Image.Height;
        var grey = Image.Grey;
        var limits = new byte[w];
        var parent = new List<int>();
        var provisional = new List<int>();
        var previousStart = 0;
        var previousEnd = 0;
        for (var y = 0; y < h; y++)
        {
            if (y % BlockSize == 0)
            {
                RowLimits(y, limits);
            }

            var rowStart = Runs.Count;
            FindRuns(grey.AsSpan(y * w, w), limits, y);
            var p = previousStart;
            for (var r = rowStart; r < Runs.Count; r++)
            {
                var run = Runs[r];

                // Runs above that end before this one's left neighbour cannot touch it, nor any later run.
                while (p < previousEnd && Runs[p].End < run.Start)
                {
                    p++;
                }

                var label = -1;
                for (var q = p; q < previousEnd && Runs[q].Start <= run.End; q++)
                {
                    label = label < 0 ? Find(parent, provisional[q]) : Union(parent, label, provisional[q]);
                }

                if (label < 0)
                {
                    label = parent.Count;
                    parent.Add(label);
                }

                provisional.Add(label);
            }

            (previousStart, previousEnd) = (rowStart, Runs.Count);
        }

        // Components numbered in the order of their first run (= their first pixel in raster order).
        var compact = new int[parent.Count];
        Array.Fill(compact, -1);
        var left = new List<int>();
        var top = new List<int>();
        var right = new List<int>();
        var bottom = new List<int>();
        var area = new List<int>();
        for (var r = 0; r < Runs.Count; r++)
        {
            var run = Runs[r];
            var root = Find(parent, provisional[r]);
            var c = compact[root];
            if (c < 0)
            {
                c = compact[root] = left.Count;
                left.Add(run.Start);
                top.Add(run.Y);
                right.Add(run.End);
                bottom.Add(run.Y + 1);
                area.Add(0);
            }

            left[c] = Math.Min(left[c], run.Start);
            right[c] = Math.Max(right[c], run.End);
            bottom[c] = run.Y + 1;
            area[c] += run.End - run.Start;
            Runs[r] = run with { Component = c };
        }

        for (var c = 0; c < left.Count; c++)
        {
            var touches = left[c] == 0 || top[c] == 0 || right[c] == w || bottom[c] == h;
            Components.Add(new InkComponent(left[c], top[c], right[c], bottom[c], area[c], touches));
        }
    }

    /// <summary>The ink limit (local paper level minus <see cref="InkDelta"/>) of every pixel of a row of blocks.</summary>
    private void RowLimits(int y, byte[] limits)
    {
        var blockRow = Math.Min(y / BlockSize, (_paper.Length / _blocksX) - 1) * _blocksX;
        for (var x = 0; x < limits.Length; x++)
        {
            limits[x] = (byte)Math.Clamp(_paper[blockRow + (x / BlockSize)] - InkDelta, 0, 255);
        }
    }

    /// <summary>Appends the row's runs of pixels darker than their limit, 32 pixels at a time where it can.</summary>
    private void FindRuns(ReadOnlySpan<byte> row, byte[] limits, int y)
    {
        var w = row.Length;
        var x = 0;
        var runStart = -1;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var rowRef = ref MemoryMarshal.GetReference(row);
            ref var limitRef = ref MemoryMarshal.GetArrayDataReference(limits);
            for (; x + 32 <= w; x += 32)
            {
                var pixels = Vector256.LoadUnsafe(ref rowRef, (nuint)x);
                var limit = Vector256.LoadUnsafe(ref limitRef, (nuint)x);
                var ink = Vector256.LessThan(pixels, limit).ExtractMostSignificantBits();

                // Bits of pixels that differ from their left neighbour's state: each one starts or ends a run.
                var inRun = runStart >= 0 ? 1u : 0u;
                var edges = ink ^ ((ink << 1) | inRun);
                while (edges != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(edges);
                    if (runStart < 0)
                    {
                        runStart = x + bit;
                    }
                    else
                    {
                        Runs.Add(new InkRun(y, runStart, x + bit, 0));
                        runStart = -1;
                    }

                    edges &= edges - 1;
                }
            }
        }

        for (; x < w; x++)
        {
            var isInk = row[x] < limits[x];
            if (isInk && runStart < 0)
            {
                runStart = x;
            }
            else if (!isInk && runStart >= 0)
            {
                Runs.Add(new InkRun(y, runStart, x, 0));
                runStart = -1;
            }
        }

        if (runStart >= 0)
        {
            Runs.Add(new InkRun(y, runStart, w, 0));
        }
    }

    private static int Union(List<int> parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra == rb)
        {
            return ra;
        }

        var (low, high) = ra < rb ? (ra, rb) : (rb, ra);
        parent[high] = low;
        return low;
    }

    private static int Find(List<int> parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static double MedianByte(byte[] values)
    {
        var sorted = (byte[])values.Clone();
        Array.Sort(sorted);
        return sorted.Length == 0 ? 255 : sorted[sorted.Length / 2];
    }
}
