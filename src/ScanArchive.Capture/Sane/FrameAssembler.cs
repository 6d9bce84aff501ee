using ScanArchive.Core.Capture;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Capture.Sane;

/// <summary>The bytes of one SANE frame as read, with the parameters reported after its sane_start.</summary>
/// <param name="Parameters">Frame parameters (Lines may be -1: unknown until the end).</param>
/// <param name="Data">Bytes read; only the first <paramref name="Length"/> are valid.</param>
/// <param name="Length">Number of valid bytes.</param>
internal sealed record SaneFrameData(SaneFrameParameters Parameters, byte[] Data, int Length)
{
    /// <summary>Complete lines received: the declared count, or what the bytes hold when the count was unknown or the data ended early.</summary>
    public int Lines
    {
        get
        {
            var received = Parameters.BytesPerLine > 0 ? Length / Parameters.BytesPerLine : 0;
            return Parameters.Lines >= 0 ? Math.Min(Parameters.Lines, received) : received;
        }
    }
}

/// <summary>
/// Turns SANE frames into a <see cref="RasterImage"/>: 1-bit grey (1 = black) and 16-bit samples (host byte order)
/// become 8-bit grey, colour becomes RGB, and three-pass scanners' separate red, green and blue frames (in any order)
/// are interleaved. Padding at the end of each line (bytes_per_line larger than needed) is skipped.
/// </summary>
internal static class FrameAssembler
{
    /// <exception cref="ScanException"><see cref="ScanFault.Unsupported"/> for a format SANE does not define or frames that do not fit together.</exception>
    public static RasterImage Assemble(IReadOnlyList<SaneFrameData> frames, int? dpi)
    {
        if (frames.Count == 0)
        {
            throw new ScanException(ScanFault.Unsupported, "no frame data");
        }

        var first = frames[0].Parameters;
        var width = first.PixelsPerLine;
        var height = frames.Min(f => f.Lines);
        if (width <= 0 || height <= 0)
        {
            throw new ScanException(ScanFault.Unsupported, $"empty frame {width}x{height}");
        }

        if (first.Format is SaneFrame.Gray or SaneFrame.Rgb)
        {
            var channels = first.Format == SaneFrame.Rgb ? 3 : 1;
            CheckLineLength(first, channels);
            var format = channels == 3 ? PixelFormat.Rgb24 : PixelFormat.Gray8;
            var pixels = new byte[width * channels * height];
            var stride = width * channels;
            for (var y = 0; y < height; y++)
            {
                var line = frames[0].Data.AsSpan(y * first.BytesPerLine, first.BytesPerLine);
                var target = pixels.AsSpan(y * stride, stride);
                for (var i = 0; i < stride; i++)
                {
                    target[i] = Sample(line, i, first.Depth, first.Format == SaneFrame.Gray);
                }
            }

            return new RasterImage(width, height, format, pixels, dpi);
        }

        return AssembleThreePass(frames, width, height, dpi);
    }

    private static RasterImage AssembleThreePass(IReadOnlyList<SaneFrameData> frames, int width, int height, int? dpi)
    {
        var pixels = new byte[width * 3 * height];
        var seen = new HashSet<SaneFrame>();
        foreach (var frame in frames)
        {
            var p = frame.Parameters;
            var channel = p.Format switch
            {
                SaneFrame.Red => 0,
                SaneFrame.Green => 1,
                SaneFrame.Blue => 2,
                _ => throw new ScanException(ScanFault.Unsupported, $"a {p.Format} frame inside a three-pass page"),
            };
            if (p.PixelsPerLine != width || !seen.Add(p.Format))
            {
                throw new ScanException(ScanFault.Unsupported, $"three-pass frames do not match ({p.Format}, {p.PixelsPerLine} px)");
            }

            CheckLineLength(p, 1);
            for (var y = 0; y < height; y++)
            {
                var line = frame.Data.AsSpan(y * p.BytesPerLine, p.BytesPerLine);
                var row = pixels.AsSpan(y * width * 3, width * 3);
                for (var x = 0; x < width; x++)
                {
                    // Single-colour frames of 1-bit depth mean "colour on" for 1 (unlike grey, where 1 is black).
                    row[(x * 3) + channel] = Sample(line, x, p.Depth, invertOneBit: false);
                }
            }
        }

        if (seen.Count != 3)
        {
            throw new ScanException(ScanFault.Unsupported, $"three-pass page with {seen.Count} of 3 colour frames");
        }

        return new RasterImage(width, height, PixelFormat.Rgb24, pixels, dpi);
    }

    /// <summary>Sample <paramref name="index"/> of a line as 8 bits.</summary>
    private static byte Sample(ReadOnlySpan<byte> line, int index, int depth, bool invertOneBit)
    {
        switch (depth)
        {
            case 8:
                return line[index];
            case 16:
                // SANE sends 16-bit samples in host byte order (little-endian here); scale 0..65535 to 0..255 with rounding.
                var v = line[index * 2] | (line[(index * 2) + 1] << 8);
                return (byte)(((v * 255) + 32767) / 65535);
            case 1:
                var bit = (line[index >> 3] >> (7 - (index & 7))) & 1;
                // SANE grey lineart: 1 is black. For colour frames 1 is full intensity.
                return invertOneBit ? (bit == 1 ? (byte)0 : (byte)255) : (bit == 1 ? (byte)255 : (byte)0);
            default:
                throw new ScanException(ScanFault.Unsupported, $"{depth}-bit samples");
        }
    }

    private static void CheckLineLength(SaneFrameParameters p, int channels)
    {
        var needed = ((long)p.PixelsPerLine * channels * p.Depth + 7) / 8;
        if (p.Depth is not (1 or 8 or 16) || p.BytesPerLine < needed)
        {
            throw new ScanException(ScanFault.Unsupported, $"frame {p.Format} depth {p.Depth}: {p.BytesPerLine} bytes per line for {p.PixelsPerLine} pixels");
        }
    }
}
