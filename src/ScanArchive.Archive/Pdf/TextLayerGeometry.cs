using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Core;

namespace ScanArchive.Archive.Pdf;

/// <summary>Where a text layer goes on its page.</summary>
internal static class TextLayerGeometry
{
    /// <summary>
    /// The transformation (PDF <c>cm</c> operands a b c d e f) that turns a text layer recognized on a page the
    /// engine straightened by <paramref name="skewDegrees"/> back onto the page as scanned: a rotation about the
    /// centre of <paramref name="box"/>. Leptonica rotated the pixels clockwise by the angle (on screen, y down);
    /// undoing that is an anticlockwise turn, which in PDF space (y up) is the ordinary positive rotation.
    /// </summary>
    public static double[] Unskew(PdfRectangle box, double skewDegrees)
    {
        var a = skewDegrees * Math.PI / 180;
        double cos = Math.Cos(a), sin = Math.Sin(a);
        double cx = box.Left + (box.Width / 2), cy = box.Bottom + (box.Height / 2);

        // x' = cos·x − sin·y + e, y' = sin·x + cos·y + f, with the centre fixed.
        return [cos, sin, -sin, cos, cx - (cos * cx) + (sin * cy), cy - (sin * cx) - (cos * cy)];
    }

    /// <summary>Width and height of the page box of Tesseract's one-page text PDF, read from its bytes; null when it has no single plain box.</summary>
    public static (double Width, double Height)? MediaBoxSize(byte[] pdf)
    {
        if (FindMediaBox(pdf) is not var (open, length))
        {
            return null;
        }

        var numbers = Encoding.ASCII.GetString(pdf, open + 1, length - 2).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return numbers.Length == 4 &&
            double.TryParse(numbers[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x0) &&
            double.TryParse(numbers[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y0) &&
            double.TryParse(numbers[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var x1) &&
            double.TryParse(numbers[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var y1)
            ? (x1 - x0, y1 - y0)
            : null;
    }

    /// <summary>
    /// Tesseract's one-page text PDF with its page box changed to <paramref name="width"/> × <paramref name="height"/>
    /// points, for a text layer that covers only part of its image: PdfPig copies a page's own MediaBox and offers no
    /// way to change it. The new box is written over the old one in place (padded with spaces, at a precision that
    /// fits), so that every byte offset in the file's cross-reference table stays right.
    /// </summary>
    /// <exception cref="ArgumentException">The PDF has no single page box of Tesseract's form, or the new one cannot fit.</exception>
    public static byte[] WithMediaBox(byte[] pdf, double width, double height)
    {
        if (FindMediaBox(pdf) is not var (open, length))
        {
            throw new ArgumentException("The text layer does not have exactly one closed page box.", nameof(pdf));
        }

        foreach (var format in new[] { "0.00", "0.0", "0" })
        {
            var box = string.Create(CultureInfo.InvariantCulture, $"[0 0 {width.ToString(format, CultureInfo.InvariantCulture)} {height.ToString(format, CultureInfo.InvariantCulture)}]");
            if (box.Length <= length)
            {
                var patched = (byte[])pdf.Clone();
                Encoding.ASCII.GetBytes(box.PadRight(length)).CopyTo(patched, open);
                return patched;
            }
        }

        throw new ArgumentException($"A page box of {width:0.##} × {height:0.##} pt does not fit in the text layer's.", nameof(pdf));
    }

    /// <summary>Where the array of the file's only <c>/MediaBox [...]</c> starts (at '[') and its length up to ']'; null when there is not exactly one.</summary>
    private static (int Open, int Length)? FindMediaBox(byte[] pdf)
    {
        var key = "/MediaBox ["u8;
        var span = pdf.AsSpan();
        var start = span.IndexOf(key);
        if (start < 0 || span[(start + key.Length)..].IndexOf(key) >= 0)
        {
            return null;
        }

        var open = start + key.Length - 1;
        var close = span[open..].IndexOf((byte)']');
        return close < 0 ? null : (open, close + 1);
    }
}
