namespace ScanArchive.Ocr.Paddle;

/// <summary>
/// Turns the detector's text probability map into line boxes, as PaddleOCR's DB post-processing does: threshold,
/// connected regions, the smallest rectangle around each (any angle), scored by its mean probability, then
/// "unclipped" (grown) by area × ratio / perimeter, because the model is trained to mark a shrunk core of each line.
/// </summary>
internal static class DbPostprocess
{
    /// <summary>Probability above which a map pixel is text (PaddleOCR's det_db_thresh).</summary>
    internal const float PixelThreshold = 0.3f;

    /// <summary>Mean probability a region needs to count as a line (PaddleOCR's det_db_box_thresh).</summary>
    internal const float BoxThreshold = 0.6f;

    /// <summary>How much a region is grown (PaddleOCR's det_db_unclip_ratio).</summary>
    internal const double UnclipRatio = 1.5;

    /// <summary>Regions whose shorter side is below this many map pixels are specks (PaddleOCR's min_size).</summary>
    internal const double MinSide = 3;

    /// <summary>
    /// Finds the lines on a <paramref name="width"/> × <paramref name="height"/> map; boxes are returned in page pixels
    /// (map pixel × <paramref name="scaleX"/>, <paramref name="scaleY"/>).
    /// </summary>
    public static List<RotatedBox> Boxes(ReadOnlySpan<float> map, int width, int height, double scaleX, double scaleY, CancellationToken cancellationToken)
    {
        var boxes = new List<RotatedBox>();
        var label = new int[width * height];
        var stack = new Stack<int>();
        var rowMin = new Dictionary<int, (int Min, int Max)>();
        var next = 0;
        for (var start = 0; start < map.Length; start++)
        {
            if (label[start] != 0 || map[start] <= PixelThreshold)
            {
                continue;
            }

            if ((start & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            next++;
            label[start] = next;
            stack.Push(start);
            rowMin.Clear();
            double sum = 0;
            var count = 0;
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                int x = p % width, y = p / width;
                sum += map[p];
                count++;
                rowMin[y] = rowMin.TryGetValue(y, out var r) ? (Math.Min(r.Min, x), Math.Max(r.Max, x)) : (x, x);
                for (var dy = -1; dy <= 1; dy++)
                {
                    var ny = y + dy;
                    if (ny < 0 || ny >= height)
                    {
                        continue;
                    }

                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var nx = x + dx;
                        if (nx < 0 || nx >= width)
                        {
                            continue;
                        }

                        var q = (ny * width) + nx;
                        if (label[q] == 0 && map[q] > PixelThreshold)
                        {
                            label[q] = next;
                            stack.Push(q);
                        }
                    }
                }
            }

            if (count < 4 || sum / count < BoxThreshold)
            {
                continue;
            }

            // The region's outline: the first and last pixel of each row (pixel corners) is all a convex hull needs.
            var points = new List<(double X, double Y)>(rowMin.Count * 4);
            foreach (var (y, (min, max)) in rowMin)
            {
                points.Add((min, y));
                points.Add((max + 1, y));
                points.Add((min, y + 1));
                points.Add((max + 1, y + 1));
            }

            if (MinAreaRect(ConvexHull(points)) is not { } rect || Math.Min(rect.Width, rect.Height) < MinSide)
            {
                continue;
            }

            var grow = rect.Width * rect.Height * UnclipRatio / (2 * (rect.Width + rect.Height));
            var w = rect.Width + (2 * grow);
            var h = rect.Height + (2 * grow);
            if (Math.Min(w, h) < MinSide + 2)
            {
                continue;
            }

            // Into page pixels; the map is scaled independently in x and y (both sides rounded to multiples of 32).
            var ux = rect.Ux * scaleX;
            var uy = rect.Uy * scaleY;
            var ulen = Math.Sqrt((ux * ux) + (uy * uy));
            var vx = -rect.Uy * scaleX;
            var vy = rect.Ux * scaleY;
            var vlen = Math.Sqrt((vx * vx) + (vy * vy));
            boxes.Add(new RotatedBox(rect.Cx * scaleX, rect.Cy * scaleY, ux / ulen, uy / ulen, w * ulen, h * vlen, (float)(sum / count)));
        }

        return boxes;
    }

    /// <summary>Andrew's monotone chain; counter-clockwise in image coordinates does not matter for the calipers.</summary>
    internal static List<(double X, double Y)> ConvexHull(List<(double X, double Y)> points)
    {
        points.Sort((a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Y.CompareTo(b.Y));
        var hull = new List<(double X, double Y)>(points.Count);
        for (var pass = 0; pass < 2; pass++)
        {
            var start = hull.Count;
            for (var i = 0; i < points.Count; i++)
            {
                var p = pass == 0 ? points[i] : points[points.Count - 1 - i];
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }

                hull.Add(p);
            }

            hull.RemoveAt(hull.Count - 1);
        }

        return hull;
    }

    /// <summary>The smallest-area rectangle around a convex polygon (one side lies on a hull edge), its long-ish axis nearest horizontal.</summary>
    internal static (double Cx, double Cy, double Ux, double Uy, double Width, double Height)? MinAreaRect(List<(double X, double Y)> hull)
    {
        if (hull.Count < 3)
        {
            return null;
        }

        (double Cx, double Cy, double Ux, double Uy, double Width, double Height)? best = null;
        var bestArea = double.MaxValue;
        for (var i = 0; i < hull.Count; i++)
        {
            var a = hull[i];
            var b = hull[(i + 1) % hull.Count];
            var ex = b.X - a.X;
            var ey = b.Y - a.Y;
            var len = Math.Sqrt((ex * ex) + (ey * ey));
            if (len < 1e-9)
            {
                continue;
            }

            ex /= len;
            ey /= len;
            double minU = double.MaxValue, maxU = double.MinValue, minV = double.MaxValue, maxV = double.MinValue;
            foreach (var p in hull)
            {
                var u = (p.X * ex) + (p.Y * ey);
                var v = (-p.X * ey) + (p.Y * ex);
                minU = Math.Min(minU, u);
                maxU = Math.Max(maxU, u);
                minV = Math.Min(minV, v);
                maxV = Math.Max(maxV, v);
            }

            var area = (maxU - minU) * (maxV - minV);
            if (area < bestArea)
            {
                bestArea = area;
                var cu = (minU + maxU) / 2;
                var cv = (minV + maxV) / 2;
                best = ((cu * ex) - (cv * ey), (cu * ey) + (cv * ex), ex, ey, maxU - minU, maxV - minV);
            }
        }

        return best is { } r ? Upright(r) : null;
    }

    /// <summary>Turns the rectangle's axes so that u is the one nearest to horizontal and points right.</summary>
    private static (double Cx, double Cy, double Ux, double Uy, double Width, double Height) Upright((double Cx, double Cy, double Ux, double Uy, double Width, double Height) r)
    {
        var (ux, uy, w, h) = (r.Ux, r.Uy, r.Width, r.Height);
        if (Math.Abs(uy) > Math.Abs(ux))
        {
            // Use the perpendicular axis (−uy, ux) as u; the sides swap.
            (ux, uy, w, h) = (-uy, ux, h, w);
        }

        if (ux < 0)
        {
            (ux, uy) = (-ux, -uy);
        }

        return (r.Cx, r.Cy, ux, uy, w, h);
    }

    private static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
        ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
}
