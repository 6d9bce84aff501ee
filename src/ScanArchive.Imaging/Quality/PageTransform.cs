using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Imaging.Quality;

/// <summary>Turns a page upright and straightens it in one resampling pass, and crops; always into a new image.</summary>
internal static class PageTransform
{
    /// <summary>
    /// Skews below this are undone by two sub-pixel shears with a Catmull-Rom cubic (<see cref="CubicShearRotate"/>)
    /// instead of a bilinear rotation: a bilinear rotation by a fraction of a degree blends neighbours half and half
    /// over much of the page and softens every glyph (a rotation there and back by 0.4° leaves an RMS difference of
    /// 4.0 grey levels on a sample page, the cubic shears 1.6). For skews this small the two shears lie within a
    /// fraction of a pixel of a true rotation (their scale error, tan², is 0.03 % at 1°).
    /// </summary>
    internal const double MaxShearDegrees = 1.0;

    /// <summary>Tests set this (on their own thread) to compare the vectorized grey rotation with the plain loop.</summary>
    [ThreadStatic]
    internal static bool ScalarOnly;

    /// <summary>
    /// Undoes a clockwise quarter turn <paramref name="rotationClockwise"/> and a skew <paramref name="skewDegrees"/>
    /// (positive = the scan is turned counter-clockwise). Quarter turns alone are exact pixel moves; a skew under
    /// <see cref="MaxShearDegrees"/> is then undone by cubic shears, a larger one is combined with the quarter turn
    /// into one bilinear rotation about the centre (one resampling, not two). The upright page's size is kept and the
    /// uncovered corners take <paramref name="fill"/> (the paper level).
    /// </summary>
    public static RasterImage Straighten(RasterImage image, int rotationClockwise, double skewDegrees, byte fill)
    {
        var quarter = ((rotationClockwise % 360) + 360) % 360;
        if (skewDegrees == 0)
        {
            return quarter == 0 ? image : PixelRotation.RotateClockwise(image, 360 - quarter);
        }

        if (Math.Abs(skewDegrees) < MaxShearDegrees)
        {
            var upright = quarter == 0 ? image : PixelRotation.RotateClockwise(image, 360 - quarter);
            return CubicShearRotate(upright, skewDegrees, fill);
        }

        var (outW, outH) = quarter is 90 or 270 ? (image.Height, image.Width) : (image.Width, image.Height);

        // The scan shows the upright page turned counter-clockwise by (skew − quarter); turning it back by
        // (quarter − skew) counter-clockwise restores it.
        var radians = (quarter - skewDegrees) * Math.PI / 180;
        return Rotate(image, radians, outW, outH, fill);
    }

    /// <summary>The Catmull-Rom cubic (Keys, a = −0.5): interpolating, exact on linear ramps, sharper than bilinear.</summary>
    internal static double CatmullRom(double x)
    {
        x = Math.Abs(x);
        return x < 1 ? 1 - (2.5 * x * x) + (1.5 * x * x * x) : x < 2 ? 2 - (4 * x) + (2.5 * x * x) - (0.5 * x * x * x) : 0;
    }

    /// <summary>Fixed-point (Q14) weights of the taps k = 1 − r .. r for a sample at position i + f (0 ≤ f &lt; 1), summing to exactly 1.</summary>
    private static void Weights(double f, int r, Func<double, double> kernel, Span<int> weights)
    {
        var sum = 0.0;
        Span<double> w = stackalloc double[2 * r];
        for (var k = 1 - r; k <= r; k++)
        {
            w[k + r - 1] = kernel(k - f);
            sum += w[k + r - 1];
        }

        var total = 0;
        var centre = f < 0.5 ? r - 1 : r;
        for (var j = 0; j < 2 * r; j++)
        {
            weights[j] = (int)Math.Round(w[j] / sum * 16384);
            total += weights[j];
        }

        weights[centre] += 16384 - total;
    }

    /// <summary>
    /// Turns the image clockwise by <paramref name="skewDegrees"/> (undoing a counter-clockwise skew) about its centre
    /// with two sub-pixel shears: column x moves by (x − cx)·tan rows, then row y by (y − cy)·tan columns, each a 1-D
    /// resampling with the given kernel (<paramref name="r"/> taps either side). Samples beyond the edges read
    /// <paramref name="fill"/>; the size is kept.
    /// Plain loops: the reference for <see cref="CubicShearRotate"/> and the way to try other kernels.
    /// </summary>
    internal static RasterImage FilteredShearRotate(RasterImage image, double skewDegrees, byte fill, int r, Func<double, double> kernel)
    {
        int w = image.Width, h = image.Height, bpp = image.BytesPerPixel, stride = image.Stride;
        var rowBytes = w * bpp;
        var t = Math.Tan(skewDegrees * Math.PI / 180);
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        var taps = 2 * r;
        var src = image.Pixels;

        // Vertical pass: middle(x, y) = image(x, y − s(x)), s(x) = (x − cx)·t. Source position p = y + n(x) + f(x).
        var colN = new int[w];
        var colW = new int[w * taps];
        for (var x = 0; x < w; x++)
        {
            var p = -(x - cx) * t;
            var n = (int)Math.Floor(p);
            colN[x] = n;
            Weights(p - n, r, kernel, colW.AsSpan(x * taps, taps));
        }

        var middle = GC.AllocateUninitializedArray<byte>(rowBytes * h);
        for (var y = 0; y < h; y++)
        {
            var dest = middle.AsSpan(y * rowBytes, rowBytes);
            for (var x = 0; x < w; x++)
            {
                var baseRow = y + colN[x] + 1 - r;
                for (var c = 0; c < bpp; c++)
                {
                    var acc = 0;
                    for (var k = 0; k < taps; k++)
                    {
                        var sy = baseRow + k;
                        int v = sy >= 0 && sy < h ? src[(sy * stride) + (x * bpp) + c] : fill;
                        acc += v * colW[(x * taps) + k];
                    }

                    dest[(x * bpp) + c] = (byte)Math.Clamp((acc + 8192) >> 14, 0, 255);
                }
            }
        }

        // Horizontal pass: out(x, y) = middle(x + q(y), y), q(y) = (y − cy)·t.
        var output = GC.AllocateUninitializedArray<byte>(rowBytes * h);
        Span<int> wts = stackalloc int[taps];
        for (var y = 0; y < h; y++)
        {
            var q = (y - cy) * t;
            var n = (int)Math.Floor(q);
            Weights(q - n, r, kernel, wts);
            var source = middle.AsSpan(y * rowBytes, rowBytes);
            var dest = output.AsSpan(y * rowBytes, rowBytes);
            for (var x = 0; x < w; x++)
            {
                var baseCol = x + n + 1 - r;
                for (var c = 0; c < bpp; c++)
                {
                    var acc = 0;
                    for (var k = 0; k < taps; k++)
                    {
                        var sx = baseCol + k;
                        int v = sx >= 0 && sx < w ? source[(sx * bpp) + c] : fill;
                        acc += v * wts[k];
                    }

                    dest[(x * bpp) + c] = (byte)Math.Clamp((acc + 8192) >> 14, 0, 255);
                }
            }
        }

        return new RasterImage(w, h, image.Format, output, image.Dpi);
    }

    /// <summary>
    /// <see cref="FilteredShearRotate"/> with the Catmull-Rom cubic, eight bytes at a time where it can (same
    /// arithmetic, same bytes). Each shear moves a whole column or row by one sub-pixel amount, so the four weights
    /// are fixed along a column (first pass) or a row (second pass): a 4-tap filter, no per-pixel geometry.
    /// </summary>
    internal static RasterImage CubicShearRotate(RasterImage image, double skewDegrees, byte fill)
    {
        if (!Avx2.IsSupported || ScalarOnly)
        {
            return FilteredShearRotate(image, skewDegrees, fill, 2, CatmullRom);
        }

        const int Taps = 4;
        int w = image.Width, h = image.Height, bpp = image.BytesPerPixel, stride = image.Stride;
        var rowBytes = w * bpp;
        var t = Math.Tan(skewDegrees * Math.PI / 180);
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        var src = image.Pixels;
        var round = Vector256.Create(8192);

        // Per byte of a row: its column's row offset and weights (tap k reads row y + n − 1 + k), and runs of bytes
        // sharing the offset.
        var colN = new int[rowBytes];
        var colW = new int[Taps * rowBytes];
        Span<int> wk = stackalloc int[Taps];
        var runs = new List<(int From, int To, int N)>();
        for (var x = 0; x < w; x++)
        {
            var p = -(x - cx) * t;
            var n = (int)Math.Floor(p);
            Weights(p - n, 2, CatmullRom, wk);
            for (var c = 0; c < bpp; c++)
            {
                var b = (x * bpp) + c;
                colN[b] = n;
                for (var k = 0; k < Taps; k++)
                {
                    colW[(k * rowBytes) + b] = wk[k];
                }
            }

            if (runs.Count > 0 && runs[^1].N == n)
            {
                runs[^1] = (runs[^1].From, (x + 1) * bpp, n);
            }
            else
            {
                runs.Add((x * bpp, (x + 1) * bpp, n));
            }
        }

        // The two passes run row by row through one row buffer: output row y needs only row y of the vertical pass,
        // so the page-sized intermediate image (and its page faults) is not needed.
        var middle = new byte[rowBytes];
        var output = GC.AllocateUninitializedArray<byte>(rowBytes * h);
        ref var srcRef = ref MemoryMarshal.GetArrayDataReference(src);
        ref var wRef = ref MemoryMarshal.GetArrayDataReference(colW);
        ref var midRef = ref MemoryMarshal.GetArrayDataReference(middle);
        ref var outRef = ref MemoryMarshal.GetArrayDataReference(output);
        for (var y = 0; y < h; y++)
        {
            // Vertical pass: row y of the intermediate image.
            foreach (var (from, to, n) in runs)
            {
                var top = y + n - 1;
                var b = from;
                if (top >= 0 && top + Taps - 1 < h)
                {
                    var at = top * stride;
                    for (; b + 8 <= to; b += 8)
                    {
                        var acc = round;
                        for (var k = 0; k < Taps; k++)
                        {
                            var weights = Vector256.LoadUnsafe(ref Unsafe.Add(ref wRef, (k * rowBytes) + b));
                            acc += Load8(ref srcRef, at + (k * stride) + b) * weights;
                        }

                        Store8(ref midRef, b, acc >> 14);
                    }
                }

                for (; b < to; b++)
                {
                    var acc = 0;
                    for (var k = 0; k < Taps; k++)
                    {
                        var sy = top + k;
                        int v = sy >= 0 && sy < h ? Unsafe.Add(ref srcRef, (sy * stride) + b) : fill;
                        acc += v * colW[(k * rowBytes) + b];
                    }

                    Unsafe.Add(ref midRef, b) = (byte)Math.Clamp((acc + 8192) >> 14, 0, 255);
                }
            }

            // Horizontal pass of that row.
            var q = (y - cy) * t;
            var qn = (int)Math.Floor(q);
            Weights(q - qn, 2, CatmullRom, wk);
            int w0 = wk[0], w1 = wk[1], w2 = wk[2], w3 = wk[3];
            var rowStart = y * rowBytes;

            // Byte c reads bytes c + (qn − 1 + k)·bpp: all four inside the row for lo ≤ c < hi, eight at a time there.
            var lo = Math.Clamp((1 - qn) * bpp, 0, rowBytes);
            var hi = Math.Clamp(rowBytes - ((qn + 2) * bpp), lo, rowBytes);
            var first = (qn - 1) * bpp;
            var c = 0;
            for (; c < lo; c++)
            {
                Unsafe.Add(ref outRef, rowStart + c) = EdgeTap(ref midRef, 0, rowBytes, c, qn, bpp, wk, fill);
            }

            for (; c + 8 <= hi; c += 8)
            {
                var at = first + c;
                var acc = round + (Load8(ref midRef, at) * w0) + (Load8(ref midRef, at + bpp) * w1) +
                    (Load8(ref midRef, at + (2 * bpp)) * w2) + (Load8(ref midRef, at + (3 * bpp)) * w3);
                Store8(ref outRef, rowStart + c, acc >> 14);
            }

            for (; c < rowBytes; c++)
            {
                Unsafe.Add(ref outRef, rowStart + c) = EdgeTap(ref midRef, 0, rowBytes, c, qn, bpp, wk, fill);
            }
        }

        return new RasterImage(w, h, image.Format, output, image.Dpi);
    }

    /// <summary>One byte of the horizontal pass with the taps outside the row reading <paramref name="fill"/>.</summary>
    private static byte EdgeTap(ref byte midRef, int rowStart, int rowBytes, int b, int n, int bpp, ReadOnlySpan<int> wk, byte fill)
    {
        var acc = 0;
        for (var k = 0; k < wk.Length; k++)
        {
            var sb = b + ((n - 1 + k) * bpp);
            int v = sb >= 0 && sb < rowBytes ? Unsafe.Add(ref midRef, rowStart + sb) : fill;
            acc += v * wk[k];
        }

        return (byte)Math.Clamp((acc + 8192) >> 14, 0, 255);
    }

    /// <summary>Eight 32-bit lanes to eight bytes (saturated to 0–255) at <paramref name="offset"/>.</summary>
    private static void Store8(ref byte dest, int offset, Vector256<int> value)
    {
        var words = Avx2.PackUnsignedSaturate(value, value);
        var bytes = Avx2.PackUnsignedSaturate(words.AsInt16(), words.AsInt16());
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref dest, offset), bytes.GetLower().AsUInt32().ToScalar());
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref dest, offset + 4), bytes.GetUpper().AsUInt32().ToScalar());
    }

    /// <summary>
    /// Straightens like <see cref="Straighten(RasterImage, int, double, byte)"/> and scales by <paramref name="scale"/>
    /// in the same resampling pass (no quarter turn); the declared resolution scales along.
    /// </summary>
    public static RasterImage StraightenAndScale(RasterImage image, double skewDegrees, byte fill, double scale)
    {
        if (scale == 1)
        {
            return Straighten(image, 0, skewDegrees, fill);
        }

        var outW = Math.Max(1, (int)Math.Round(image.Width * scale));
        var outH = Math.Max(1, (int)Math.Round(image.Height * scale));
        var scaled = Rotate(image, -skewDegrees * Math.PI / 180, outW, outH, fill, scale);
        return new RasterImage(outW, outH, scaled.Format, scaled.Pixels, image.Dpi is { } dpi ? (int)Math.Round(dpi * scale) : null);
    }

    /// <summary>A bilinear rotation undoing <paramref name="skewDegrees"/> whatever its size (tests compare it with the cubic shears).</summary>
    internal static RasterImage RotateBilinear(RasterImage image, double skewDegrees, byte fill) =>
        Rotate(image, -skewDegrees * Math.PI / 180, image.Width, image.Height, fill);

    /// <summary>The sub-range of [from, to) where start + x·step lies in [0, max).</summary>
    private static (int From, int To) Inside(long start, long step, long max, int from, int to)
    {
        if (step == 0)
        {
            return start >= 0 && start < max ? (from, to) : (0, 0);
        }

        // Solve, then correct the rounding by checking the ends.
        var a = (0 - start) / (double)step;
        var b = (max - start) / (double)step;
        var (lo, hi) = step > 0 ? (a, b) : (b, a);
        var first = Math.Max(from, (int)Math.Clamp(Math.Floor(lo), int.MinValue / 2, int.MaxValue / 2));
        var last = Math.Min(to, (int)Math.Clamp(Math.Ceiling(hi) + 1, int.MinValue / 2, int.MaxValue / 2));
        bool Ok(int x)
        {
            var v = start + (x * step);
            return v >= 0 && v < max;
        }

        while (first < last && !Ok(first))
        {
            first++;
        }

        while (last > first && !Ok(last - 1))
        {
            last--;
        }

        return (first, last);
    }

    /// <summary>
    /// Where a box of the scan lands after <see cref="Straighten(RasterImage, int, double, byte)"/> with the same turn
    /// and skew: the bounds of its four corners carried through the same rotation about the centre (the shears for
    /// small skews stay within a pixel of it).
    /// </summary>
    public static PixelBox MapBox(PixelBox box, int width, int height, int rotationClockwise, double skewDegrees) =>
        new BoxMapping(width, height, rotationClockwise, skewDegrees).Map(box);

    /// <summary><see cref="MapBox"/> for many boxes of one page: the rotation is set up once.</summary>
    internal sealed class BoxMapping
    {
        private readonly double _cos, _sin, _cxIn, _cyIn, _cxOut, _cyOut;
        private readonly int _outW, _outH;

        public BoxMapping(int width, int height, int rotationClockwise, double skewDegrees)
        {
            var quarter = ((rotationClockwise % 360) + 360) % 360;
            (_outW, _outH) = quarter is 90 or 270 ? (height, width) : (width, height);
            var radians = (quarter - skewDegrees) * Math.PI / 180;
            (_cos, _sin) = (Math.Cos(radians), Math.Sin(radians));
            (_cxIn, _cyIn, _cxOut, _cyOut) = ((width - 1) / 2.0, (height - 1) / 2.0, (_outW - 1) / 2.0, (_outH - 1) / 2.0);
        }

        public PixelBox Map(PixelBox box)
        {
            double left = double.MaxValue, top = double.MaxValue, right = double.MinValue, bottom = double.MinValue;
            Corner(box.X, box.Y);
            Corner(box.Right, box.Y);
            Corner(box.X, box.Bottom);
            Corner(box.Right, box.Bottom);
            var l = Math.Clamp((int)Math.Floor(left), 0, _outW);
            var t = Math.Clamp((int)Math.Floor(top), 0, _outH);
            var r = Math.Clamp((int)Math.Ceiling(right), 0, _outW);
            var b = Math.Clamp((int)Math.Ceiling(bottom), 0, _outH);
            return new PixelBox(l, t, r - l, b - t);

            void Corner(int x, int y)
            {
                // The inverse of Rotate's output-to-source mapping.
                double dx = x - _cxIn, dy = y - _cyIn;
                var ox = (dx * _cos) + (dy * _sin) + _cxOut;
                var oy = (-dx * _sin) + (dy * _cos) + _cyOut;
                left = Math.Min(left, ox);
                top = Math.Min(top, oy);
                right = Math.Max(right, ox);
                bottom = Math.Max(bottom, oy);
            }
        }
    }

    /// <summary>A grey image made black and white at mid-grey, in place (the image is the transform's own new copy).</summary>
    public static RasterImage Binarize(RasterImage image)
    {
        if (image.Format != PixelFormat.Gray8)
        {
            return image;
        }

        var pixels = image.Pixels.AsSpan(0, image.Stride * image.Height);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Unsigned v ≥ 128 ⇔ the sign bit of (v xor 128) is clear.
            var bias = Vector256.Create((sbyte)-128);
            for (; i + 32 <= pixels.Length; i += 32)
            {
                var v = Vector256.Create<byte>(pixels.Slice(i, 32)).AsSByte() ^ bias;
                Vector256.GreaterThanOrEqual(v, Vector256<sbyte>.Zero).AsByte().CopyTo(pixels.Slice(i, 32));
            }
        }

        for (; i < pixels.Length; i++)
        {
            pixels[i] = pixels[i] >= 128 ? (byte)255 : (byte)0;
        }

        return image;
    }

    /// <summary>A copy of part of the image.</summary>
    public static RasterImage Crop(RasterImage image, PixelBox box)
    {
        var bpp = image.BytesPerPixel;
        var pixels = new byte[box.Width * box.Height * bpp];
        for (var y = 0; y < box.Height; y++)
        {
            image.Pixels.AsSpan(((box.Y + y) * image.Stride) + (box.X * bpp), box.Width * bpp).CopyTo(pixels.AsSpan(y * box.Width * bpp));
        }

        return new RasterImage(box.Width, box.Height, image.Format, pixels, image.Dpi);
    }

    /// <summary>
    /// One output row of a rotation by a small angle (a skew, no quarter turn), eight pixels at a time where it can:
    /// along a row the source point moves by (cos, sin) per pixel, so over runs of pixels it stays on the same two
    /// source rows and advances by exactly one source pixel, and then the four neighbours of eight output pixels are
    /// plain 8-byte loads (three of each for RGB, whose bytes are interleaved). Same arithmetic as the scalar loop, so
    /// the same bytes (a test holds them equal): several times faster at the skews of real scans (runs of 20–60
    /// pixels at 1–3°). With <paramref name="gathers"/>, where a run leaves fewer than eight pixels the next eight are
    /// gathered (<see cref="GatherEight"/>) instead of taken one at a time.
    /// </summary>
    private static unsafe void RotateRowVectorized(byte* src, int srcLength, ref byte destRef, int stride, int bpp, int from, int to, long sx, long sy, long stepX, long stepY, bool gathers)
    {
        ref var srcRef = ref *src;
        var reach = GatherReach(stride, bpp);
        var iota = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        const int Shift = 16;
        const long One = 1L << Shift;
        var slip = One - stepX;
        var half = Vector256.Create(1 << 15);

        // Byte lane → pixel of the group of eight pixels: 0..7 for grey; 0,0,0,1,1,1,2,2 | 2,3,3,3,4,4,4,5 | 5,5,6,6,6,7,7,7 for RGB.
        Span<Vector256<int>> pixelOf = stackalloc Vector256<int>[3];
        for (var g = 0; g < bpp; g++)
        {
            var b = 8 * g;
            pixelOf[g] = Vector256.Create(b / bpp, (b + 1) / bpp, (b + 2) / bpp, (b + 3) / bpp, (b + 4) / bpp, (b + 5) / bpp, (b + 6) / bpp, (b + 7) / bpp);
        }

        var x = from;
        while (x < to)
        {
            var fracX = (int)(sx & (One - 1));
            var fracY = (int)(sy & (One - 1));

            // How long the source stays on rows y0, y0 + 1 and advances exactly one pixel per output pixel.
            var spanX = slip == 0 ? int.MaxValue : (fracX / slip) + 1;
            var spanY = stepY > 0 ? ((One - 1 - fracY) / stepY) + 1 : stepY < 0 ? (fracY / -stepY) + 1 : int.MaxValue;
            var span = (int)Math.Min(Math.Min(spanX, spanY), to - x);
            var i = ((int)(sy >> Shift) * stride) + ((int)(sx >> Shift) * bpp);
            var j = 0;
            for (; j + 8 <= span; j += 8)
            {
                for (var g = 0; g < bpp; g++)
                {
                    var pixel = pixelOf[g] + Vector256.Create(j);
                    var fx = (Vector256.Create(fracX) - (pixel * (int)slip)) >> 8;
                    var fy = (Vector256.Create(fracY) + (pixel * (int)stepY)) >> 8;
                    var at = i + (j * bpp) + (8 * g);
                    var p00 = Load8(ref srcRef, at);
                    var p01 = Load8(ref srcRef, at + bpp);
                    var p10 = Load8(ref srcRef, at + stride);
                    var p11 = Load8(ref srcRef, at + stride + bpp);
                    var top = (p00 << 8) + ((p01 - p00) * fx);
                    var bottom = (p10 << 8) + ((p11 - p10) * fx);
                    var value = ((top << 8) + ((bottom - top) * fy) + half) >> 16;

                    // Pack 8 × int32 to bytes: within each 128-bit half, then the two halves' first 4 bytes.
                    var words = Avx2.PackUnsignedSaturate(value, value);
                    var bytes = Avx2.PackUnsignedSaturate(words.AsInt16(), words.AsInt16());
                    var to8 = ((x + j) * bpp) + (8 * g);
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destRef, to8), bytes.GetLower().AsUInt32().ToScalar());
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destRef, to8 + 4), bytes.GetUpper().AsUInt32().ToScalar());
                }
            }

            if (gathers && x + j + 8 <= to)
            {
                long gx = sx + (j * stepX), gy = sy + (j * stepY);
                if (LastOffset(gx, gy, gx + (7 * stepX), gy + (7 * stepY), stride, bpp) + reach <= srcLength)
                {
                    var vx = Vector256.Create((int)gx) + (iota * (int)stepX);
                    var vy = Vector256.Create((int)gy) + (iota * (int)stepY);
                    GatherEight(src, ref destRef, stride, bpp, x + j, vx, vy);
                    j += 8;
                    span = j;
                }
            }

            for (var k = j; k < span; k++)
            {
                var px = sx + (k * stepX);
                var py = sy + (k * stepY);
                var at = ((int)(py >> Shift) * stride) + ((int)(px >> Shift) * bpp);
                var fx = (int)((px & (One - 1)) >> (Shift - 8));
                var fy = (int)((py & (One - 1)) >> (Shift - 8));
                for (var c = 0; c < bpp; c++, at++)
                {
                    int p00 = Unsafe.Add(ref srcRef, at), p01 = Unsafe.Add(ref srcRef, at + bpp);
                    int p10 = Unsafe.Add(ref srcRef, at + stride), p11 = Unsafe.Add(ref srcRef, at + stride + bpp);
                    var top = (p00 << 8) + ((p01 - p00) * fx);
                    var bottom = (p10 << 8) + ((p11 - p10) * fx);
                    Unsafe.Add(ref destRef, ((x + k) * bpp) + c) = (byte)(((top << 8) + ((bottom - top) * fy) + (1 << 15)) >> 16);
                }
            }

            x += span;
            sx += span * stepX;
            sy += span * stepY;
        }
    }

    /// <summary>Eight bytes from <paramref name="offset"/>, zero-extended to 32-bit lanes.</summary>
    private static Vector256<int> Load8(ref byte source, int offset) =>
        Avx2.ConvertToVector256Int32(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, offset))).AsByte());

    /// <summary>Which row kernel <see cref="Rotate"/> uses; the bench sets one (on its own thread) to time them against each other.</summary>
    internal enum RotationKernel
    {
        /// <summary>The faster one for the geometry (see <see cref="Rotate"/>).</summary>
        Auto,

        /// <summary>The plain loop, one pixel at a time: the reference.</summary>
        Scalar,

        /// <summary>Runs of plain loads where the source stays on two rows (<see cref="RotateRowVectorized"/>), the rest one pixel at a time: the kernel before gathers.</summary>
        Runs,

        /// <summary>Runs of plain loads, and a gathered group of eight wherever a run is too short.</summary>
        RunsAndGathers,

        /// <summary>Gathered groups of eight everywhere (<see cref="RotateRowGathered"/>).</summary>
        Gathers,
    }

    /// <summary>The bench sets this (on its own thread) to time one kernel; <see cref="ScalarOnly"/> wins over it.</summary>
    [ThreadStatic]
    internal static RotationKernel Kernel;

    /// <summary>
    /// Rotates counter-clockwise (as seen on screen) by <paramref name="radians"/> about the centre into a canvas of the
    /// given size. Each output pixel samples the source bilinearly in 8-bit fixed point, stepping along the row.
    /// All kernels give the same bytes as <see cref="RotateRowScalar"/> (tests hold them equal).
    /// </summary>
    private static unsafe RasterImage Rotate(RasterImage image, double radians, int outW, int outH, byte fill, double scale = 1)
    {
        var bpp = image.BytesPerPixel;
        // Every byte is written below (fill outside the source, a kernel inside).
        var output = GC.AllocateUninitializedArray<byte>(outW * outH * bpp);
        int w = image.Width, h = image.Height, stride = image.Stride;
        var src = image.Pixels;
        // Scaling by s: output pixels step 1/s source pixels.
        var cos = Math.Cos(radians) / scale;
        var sin = Math.Sin(radians) / scale;
        double cxIn = (w - 1) / 2.0, cyIn = (h - 1) / 2.0, cxOut = (outW - 1) / 2.0, cyOut = (outH - 1) / 2.0;
        const int Shift = 16;
        const double One = 1 << Shift;
        var stepX = (long)Math.Round(cos * One);
        var stepY = (long)Math.Round(sin * One);
        long maxX = (long)(w - 1) << Shift, maxY = (long)(h - 1) << Shift;
        var kernel = ChooseKernel(bpp, stepX, stepY, maxX, maxY);
        var rows = new (int From, int To, long Sx, long Sy)[outH];
        for (var y = 0; y < outH; y++)
        {
            var dy = y - cyOut;

            // Output (dx, dy) comes from the source point turned back clockwise: (dx·cos − dy·sin, dx·sin + dy·cos).
            var sx0 = (long)Math.Round(((-cxOut * cos) - (dy * sin) + cxIn) * One);
            var sy0 = (long)Math.Round(((-cxOut * sin) + (dy * cos) + cyIn) * One);
            var dest = output.AsSpan(y * outW * bpp, outW * bpp);

            // The run of x whose source lies inside the image (a line crosses a rectangle in one run): solved for
            // both axes, then nudged so that the ends are exact; outside it the row is fill. Inside it the source
            // point is below (w − 1, h − 1), so its +1 neighbours are inside too.
            var (from, to) = Inside(sx0, stepX, maxX, 0, outW);
            (from, to) = Inside(sy0, stepY, maxY, from, to);
            if (from >= to)
            {
                dest.Fill(fill);
                rows[y] = (0, 0, 0, 0);
                continue;
            }

            dest[..(from * bpp)].Fill(fill);
            dest[(to * bpp)..].Fill(fill);
            rows[y] = (from, to, sx0 + (from * stepX), sy0 + (from * stepY));
        }

        // Near a quarter turn an output row walks down a source column, one source row per pixel: strips of output
        // columns keep the few dozen source rows they read in the cache from one output row to the next.
        var strip = Math.Abs(stepY) > Math.Abs(stepX) ? SteepStrip : outW;
        fixed (byte* srcPtr = src)
        {
            ref var srcRef = ref MemoryMarshal.GetArrayDataReference(src);
            for (var left = 0; left < outW; left += strip)
            {
                for (var y = 0; y < outH; y++)
                {
                    var row = rows[y];
                    var from = Math.Max(row.From, left);
                    var to = Math.Min(row.To, left + strip);
                    if (from >= to)
                    {
                        continue;
                    }

                    ref var destRef = ref output[y * outW * bpp];
                    var sx = row.Sx + ((from - row.From) * stepX);
                    var sy = row.Sy + ((from - row.From) * stepY);
                    switch (kernel)
                    {
                        case RotationKernel.Runs:
                        case RotationKernel.RunsAndGathers:
                            RotateRowVectorized(srcPtr, src.Length, ref destRef, stride, bpp, from, to, sx, sy, stepX, stepY, kernel == RotationKernel.RunsAndGathers);
                            break;
                        case RotationKernel.Gathers:
                            RotateRowGathered(srcPtr, src.Length, ref destRef, stride, bpp, from, to, sx, sy, stepX, stepY);
                            break;
                        default:
                            RotateRowScalar(ref srcRef, ref destRef, stride, bpp, from, to, sx, sy, stepX, stepY);
                            break;
                    }
                }
            }
        }

        return new RasterImage(outW, outH, image.Format, output, image.Dpi);
    }

    /// <summary>
    /// The row kernel for a rotation stepping (stepX, stepY) per output pixel in 16.16. Runs of plain loads need the
    /// source to advance exactly one pixel per output pixel (stepX &gt; 0, no scaling) and pay off only while the runs
    /// are long (small angles: about 1/sin pixels); elsewhere every group of eight is gathered.
    /// </summary>
    private static RotationKernel ChooseKernel(int bpp, long stepX, long stepY, long maxX, long maxY)
    {
        // Gathers and the runs take 32-bit lanes: source coordinates below 2^31 in 16.16, sides up to 32768 pixels.
        if (ScalarOnly || !Avx2.IsSupported || bpp is not (1 or 3) || maxX > int.MaxValue || maxY > int.MaxValue)
        {
            return RotationKernel.Scalar;
        }

        var kernel = Kernel;
        if (kernel == RotationKernel.Auto)
        {
            // Runs last about 1/sin pixels along y and 1/(1 − cos) along x.
            var runsLong = Math.Max(Math.Abs(stepY), Math.Abs((1 << 16) - stepX)) * RunsBelowSin < 1 << 16;
            kernel = runsLong ? RotationKernel.Runs : RotationKernel.Gathers;
        }

        // The runs need the source to move right by at most one pixel per output pixel (a shrinking scale would
        // give runs of no length); elsewhere Runs is the plain loop, as before gathers.
        if (stepX is <= 0 or > 1 << 16)
        {
            kernel = kernel switch
            {
                RotationKernel.Runs => RotationKernel.Scalar,
                RotationKernel.RunsAndGathers => RotationKernel.Gathers,
                _ => kernel,
            };
        }

        return kernel;
    }

    /// <summary>Output columns per strip when rows walk down source columns (a multiple of eight: whole gathered groups).</summary>
    private const int SteepStrip = 64;

    /// <summary>
    /// Runs of plain loads beat gathers while they average more than this many pixels: below about 1.9° (bench
    /// rotate-time: runs twice as fast at 1°, even at 1.5° grey / 2° colour, gathers ahead from 2.5°).
    /// </summary>
    private const int RunsBelowSin = 30;

    /// <summary>One output row, one pixel at a time: the reference the vectorized kernels match byte for byte.</summary>
    private static void RotateRowScalar(ref byte srcRef, ref byte destRef, int stride, int bpp, int from, int to, long sx, long sy, long stepX, long stepY)
    {
        const int Shift = 16;
        const long Limit = 1L << Shift;
        if (bpp == 1)
        {
            // Grey pages, the common case, without the per-channel loop.
            for (var x = from; x < to; x++, sx += stepX, sy += stepY)
            {
                var i = ((int)(sy >> Shift) * stride) + (int)(sx >> Shift);
                var fx = (int)((sx & (Limit - 1)) >> (Shift - 8));
                var fy = (int)((sy & (Limit - 1)) >> (Shift - 8));
                int p00 = Unsafe.Add(ref srcRef, i), p01 = Unsafe.Add(ref srcRef, i + 1);
                int p10 = Unsafe.Add(ref srcRef, i + stride), p11 = Unsafe.Add(ref srcRef, i + stride + 1);
                var top = (p00 << 8) + ((p01 - p00) * fx);
                var bottom = (p10 << 8) + ((p11 - p10) * fx);
                Unsafe.Add(ref destRef, x) = (byte)(((top << 8) + ((bottom - top) * fy) + (1 << 15)) >> 16);
            }

            return;
        }

        for (var x = from; x < to; x++, sx += stepX, sy += stepY)
        {
            var x0 = (int)(sx >> Shift);
            var y0 = (int)(sy >> Shift);
            var fx = (int)((sx & (Limit - 1)) >> (Shift - 8));
            var fy = (int)((sy & (Limit - 1)) >> (Shift - 8));
            var i = (y0 * stride) + (x0 * bpp);
            for (var c = 0; c < bpp; c++, i++)
            {
                int p00 = Unsafe.Add(ref srcRef, i), p01 = Unsafe.Add(ref srcRef, i + bpp);
                int p10 = Unsafe.Add(ref srcRef, i + stride), p11 = Unsafe.Add(ref srcRef, i + stride + bpp);
                var top = (p00 << 8) + ((p01 - p00) * fx);
                var bottom = (p10 << 8) + ((p11 - p10) * fx);
                Unsafe.Add(ref destRef, (x * bpp) + c) = (byte)(((top << 8) + ((bottom - top) * fy) + (1 << 15)) >> 16);
            }
        }
    }

    /// <summary>
    /// One output row of a rotation by any angle and scale, eight pixels at a time: the eight source points in 32-bit
    /// lanes, their neighbours fetched by gathers (<see cref="GatherEight"/>). Groups whose gathers could read past the
    /// buffer (the bottom-right corner of the source) and the last few pixels go through the plain loop.
    /// </summary>
    private static unsafe void RotateRowGathered(byte* src, int srcLength, ref byte destRef, int stride, int bpp, int from, int to, long sx, long sy, long stepX, long stepY)
    {
        var reach = GatherReach(stride, bpp);
        var rowSafe = LastOffset(sx, sy, sx + ((to - from - 1) * stepX), sy + ((to - from - 1) * stepY), stride, bpp) + reach <= srcLength;
        var iota = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        var vx = Vector256.Create((int)sx) + (iota * (int)stepX);
        var vy = Vector256.Create((int)sy) + (iota * (int)stepY);
        var stepX8 = Vector256.Create((int)(8 * stepX));
        var stepY8 = Vector256.Create((int)(8 * stepY));
        var x = from;
        for (; x + 8 <= to; x += 8, sx += 8 * stepX, sy += 8 * stepY, vx += stepX8, vy += stepY8)
        {
            if (rowSafe || LastOffset(sx, sy, sx + (7 * stepX), sy + (7 * stepY), stride, bpp) + reach <= srcLength)
            {
                GatherEight(src, ref destRef, stride, bpp, x, vx, vy);
            }
            else
            {
                RotateRowScalar(ref *src, ref destRef, stride, bpp, x, x + 8, sx, sy, stepX, stepY);
            }
        }

        RotateRowScalar(ref *src, ref destRef, stride, bpp, x, to, sx, sy, stepX, stepY);
    }

    /// <summary>
    /// Bytes from a pixel's source offset i to the end of what its gathers read: four at i + stride (grey), eight at
    /// i + stride (RGB).
    /// </summary>
    private static int GatherReach(int stride, int bpp) => stride + (bpp == 1 ? 4 : 8);

    /// <summary>
    /// The largest source offset of the points between (ax, ay) and (bx, by) on a row: whole-pixel x and y only grow
    /// or only shrink along a row, so it is at the ends.
    /// </summary>
    private static long LastOffset(long ax, long ay, long bx, long by, int stride, int bpp) =>
        ((Math.Max(ay, by) >> 16) * stride) + ((Math.Max(ax, bx) >> 16) * bpp);

    /// <summary>
    /// Eight output pixels from x whose source points (16.16) are the lanes of <paramref name="vx"/>, <paramref name="vy"/>.
    /// A gather at a pixel's offset brings its right neighbour along (grey: bytes 0 and 1 of 32 bits; RGB: bytes 0–5
    /// of 64 bits); the weights (256 − fx, fx) as two 16-bit halves let one multiply-add blend a horizontal pair,
    /// p00·(256 − fx) + p01·fx, which is the scalar (p00 &lt;&lt; 8) + (p01 − p00)·fx; the vertical blend is the scalar's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void GatherEight(byte* src, ref byte destRef, int stride, int bpp, int x, Vector256<int> vx, Vector256<int> vy)
    {
        var low = Vector256.Create(0xFFFF);
        var fx = (vx & low) >>> 8;
        var fy = (vy & low) >>> 8;
        var x0 = vx >>> 16;
        var strides = Vector256.Create(stride);
        var wx = (Vector256.Create(256) - fx) | (fx << 16);
        if (bpp == 1)
        {
            var at = Avx2.MultiplyLow(vy >>> 16, strides) + x0;
            var g0 = Avx2.GatherVector256((int*)src, at, 1);
            var g1 = Avx2.GatherVector256((int*)src, at + strides, 1);

            // Bytes 0 and 1 of each lane to its two 16-bit halves.
            var pair = Vector256.Create((byte)0, 0x80, 1, 0x80, 4, 0x80, 5, 0x80, 8, 0x80, 9, 0x80, 12, 0x80, 13, 0x80, 0, 0x80, 1, 0x80, 4, 0x80, 5, 0x80, 8, 0x80, 9, 0x80, 12, 0x80, 13, 0x80);
            var top = Avx2.MultiplyAddAdjacent(Avx2.Shuffle(g0.AsByte(), pair).AsInt16(), wx.AsInt16());
            var bottom = Avx2.MultiplyAddAdjacent(Avx2.Shuffle(g1.AsByte(), pair).AsInt16(), wx.AsInt16());
            Store8(ref destRef, x, VerticalBlend(top, bottom, fy));
            return;
        }

        // RGB: one 64-bit gather per pixel and row brings both horizontal neighbours (bytes 0–2 and 3–5), half the
        // elements of 32-bit gathers. Pixels 0–3 land in one vector, 4–7 in another, two per 128-bit half, so the
        // blend runs on the pixels in the order 0, 1, 4, 5, 2, 3, 6, 7 (its own inverse).
        var at3 = Avx2.MultiplyLow(vy >>> 16, strides) + x0 + x0 + x0;
        var lower = at3.GetLower();
        var upper = at3.GetUpper();
        var rowBelow = Vector128.Create(stride);
        var top03 = Avx2.GatherVector256((long*)src, lower, 1);
        var top47 = Avx2.GatherVector256((long*)src, upper, 1);
        var bottom03 = Avx2.GatherVector256((long*)src, lower + rowBelow, 1);
        var bottom47 = Avx2.GatherVector256((long*)src, upper + rowBelow, 1);
        var order = Vector256.Create(0, 1, 4, 5, 2, 3, 6, 7);
        wx = Avx2.PermuteVar8x32(wx, order);
        fy = Avx2.PermuteVar8x32(fy, order);
        var rgb = Channel(top03, top47, bottom03, bottom47, wx, fy, 0) | (Channel(top03, top47, bottom03, bottom47, wx, fy, 1) << 8) |
            (Channel(top03, top47, bottom03, bottom47, wx, fy, 2) << 16);
        rgb = Avx2.PermuteVar8x32(rgb, order);

        // Three bytes of each lane, twelve per 128-bit half; the first half's 16-byte store spills four bytes that
        // the second half's 12 bytes then cover.
        var packed = Avx2.Shuffle(rgb.AsByte(), Vector256.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80, 0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80));
        var to = x * 3;
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destRef, to), packed.GetLower());
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destRef, to + 12), packed.GetUpper().AsUInt64().ToScalar());
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destRef, to + 20), packed.GetUpper().AsUInt32().GetElement(2));
    }

    /// <summary>Channel <paramref name="c"/> of eight RGB pixels (in the order 0, 1, 4, 5, 2, 3, 6, 7) from their gathered 64-bit neighbourhoods.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Channel(Vector256<long> top03, Vector256<long> top47, Vector256<long> bottom03, Vector256<long> bottom47, Vector256<int> wx, Vector256<int> fy, int c)
    {
        // Bytes c and c + 3 of each 64-bit lane (the pixel and its right neighbour) to the 16-bit halves of a 32-bit
        // lane: the first vector's two pixels per half to lanes 0–1 of the half, the second's to lanes 2–3.
        var b = (byte)c;
        var first = Vector256.Create(b, 0x80, (byte)(b + 3), 0x80, (byte)(b + 8), 0x80, (byte)(b + 11), 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, b, 0x80, (byte)(b + 3), 0x80, (byte)(b + 8), 0x80, (byte)(b + 11), 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80);
        var second = Vector256.Create((byte)0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, b, 0x80, (byte)(b + 3), 0x80, (byte)(b + 8), 0x80, (byte)(b + 11), 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, b, 0x80, (byte)(b + 3), 0x80, (byte)(b + 8), 0x80, (byte)(b + 11), 0x80);
        var top = Avx2.MultiplyAddAdjacent((Avx2.Shuffle(top03.AsByte(), first) | Avx2.Shuffle(top47.AsByte(), second)).AsInt16(), wx.AsInt16());
        var bottom = Avx2.MultiplyAddAdjacent((Avx2.Shuffle(bottom03.AsByte(), first) | Avx2.Shuffle(bottom47.AsByte(), second)).AsInt16(), wx.AsInt16());
        return VerticalBlend(top, bottom, fy);
    }

    /// <summary>The scalar's ((top &lt;&lt; 8) + (bottom − top)·fy + 2^15) &gt;&gt; 16 in eight lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> VerticalBlend(Vector256<int> top, Vector256<int> bottom, Vector256<int> fy) =>
        ((top << 8) + ((bottom - top) * fy) + Vector256.Create(1 << 15)) >> 16;
}
