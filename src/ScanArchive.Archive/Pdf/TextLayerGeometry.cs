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
}
