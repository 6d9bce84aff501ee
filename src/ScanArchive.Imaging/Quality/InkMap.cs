using System.Buffers;

namespace ScanArchive.Imaging.Quality;

/// <summary>A connected group of ink pixels on the analysis image (bounds exclusive on the right and bottom).</summary>
internal readonly record struct InkComponent(int Left, int Top, int Right, int Bottom, int Area, bool TouchesBorder)
{
    public int Width => Right - Left;

    public int Height => Bottom - Top;
}

/// <summary>
/// Which analysis pixels are ink: darker than the local paper by a margin. The paper level is estimated per block
/// (a high percentile, so text inside the block does not pull it down) and spread to neighbouring blocks, so that
/// illumination fall-off, tinted or grey paper and edge shadows are followed rather than mistaken for ink.
/// </summary>
internal sealed class InkMap : IDisposable
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
        // Pooled: a page's maps are 10 MB that would otherwise land on the large-object heap for every page.
        Ink = ArrayPool<byte>.Shared.Rent(image.Width * image.Height);
        Labels = ArrayPool<int>.Shared.Rent(image.Width * image.Height);
        Array.Clear(Labels, 0, image.Width * image.Height);
    }

    public AnalysisImage Image { get; }

    /// <summary>How much darker than the local paper a pixel must be to count as ink.</summary>
    public int InkDelta { get; }

    /// <summary>1 where the pixel is ink (pooled buffer: may be longer than the image).</summary>
    public byte[] Ink { get; }

    /// <summary>Component index + 1 per pixel (0 = paper; pooled buffer: may be longer than the image).</summary>
    public int[] Labels { get; }

    public List<InkComponent> Components { get; } = [];

    /// <summary>Median paper level over the page (0–255).</summary>
    public double PaperLevel { get; private set; }

    /// <summary>The local paper level at an analysis pixel.</summary>
    public int PaperAt(int x, int y) => _paper[(Math.Min(y / BlockSize, (_paper.Length / _blocksX) - 1) * _blocksX) + Math.Min(x / BlockSize, _blocksX - 1)];

    /// <summary>Returns the pooled buffers; the map must not be used afterwards.</summary>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(Ink);
        ArrayPool<int>.Shared.Return(Labels);
    }

    public static InkMap Build(AnalysisImage image, int inkDelta)
    {
        var (paper, blocksX) = EstimatePaper(image);
        var map = new InkMap(image, paper, blocksX, inkDelta);
        map.PaperLevel = MedianByte(paper);
        map.Threshold();
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

    private void Threshold()
    {
        int w = Image.Width, h = Image.Height;
        var grey = Image.Grey;
        for (var y = 0; y < h; y++)
        {
            var blockRow = Math.Min(y / BlockSize, (_paper.Length / _blocksX) - 1) * _blocksX;
            var row = y * w;
            for (var x = 0; x < w; x++)
            {
                var limit = _paper[blockRow + (x / BlockSize)] - InkDelta;
                Ink[row + x] = grey[row + x] < limit ? (byte)1 : (byte)0;
            }
        }
    }

    /// <summary>8-connected labelling with union-find (two passes), then per-component bounds and area.</summary>
    private void Label()
    {
        int w = Image.Width, h = Image.Height;
        var parent = new List<int> { 0 };
        var labels = Labels;
        for (var y = 0; y < h; y++)
        {
            var row = y * w;
            for (var x = 0; x < w; x++)
            {
                if (Ink[row + x] == 0)
                {
                    continue;
                }

                var best = 0;
                if (x > 0)
                {
                    best = Join(parent, best, labels[row + x - 1]);
                }

                if (y > 0)
                {
                    var up = row - w;
                    if (x > 0)
                    {
                        best = Join(parent, best, labels[up + x - 1]);
                    }

                    best = Join(parent, best, labels[up + x]);
                    if (x + 1 < w)
                    {
                        best = Join(parent, best, labels[up + x + 1]);
                    }
                }

                if (best == 0)
                {
                    best = parent.Count;
                    parent.Add(best);
                }

                labels[row + x] = best;
            }
        }

        // Flatten to compact component numbers.
        var compact = new int[parent.Count];
        var next = 0;
        for (var i = 1; i < parent.Count; i++)
        {
            var root = Find(parent, i);
            if (compact[root] == 0)
            {
                compact[root] = ++next;
            }

            compact[i] = compact[root];
        }

        var left = new int[next + 1];
        var top = new int[next + 1];
        var right = new int[next + 1];
        var bottom = new int[next + 1];
        var area = new int[next + 1];
        Array.Fill(left, int.MaxValue);
        Array.Fill(top, int.MaxValue);
        for (var y = 0; y < h; y++)
        {
            var row = y * w;
            for (var x = 0; x < w; x++)
            {
                var l = labels[row + x];
                if (l == 0)
                {
                    continue;
                }

                var c = compact[l];
                labels[row + x] = c;
                area[c]++;
                if (x < left[c])
                {
                    left[c] = x;
                }

                if (x >= right[c])
                {
                    right[c] = x + 1;
                }

                if (y < top[c])
                {
                    top[c] = y;
                }

                bottom[c] = y + 1;
            }
        }

        for (var c = 1; c <= next; c++)
        {
            var touches = left[c] == 0 || top[c] == 0 || right[c] == w || bottom[c] == h;
            Components.Add(new InkComponent(left[c], top[c], right[c], bottom[c], area[c], touches));
        }
    }

    private static int Join(List<int> parent, int current, int neighbour)
    {
        if (neighbour == 0)
        {
            return current;
        }

        var root = Find(parent, neighbour);
        if (current == 0)
        {
            return root;
        }

        var other = Find(parent, current);
        if (other == root)
        {
            return root;
        }

        var (low, high) = root < other ? (root, other) : (other, root);
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
