using SkiaSharp;

namespace ScanArchive.SampleGenerator.Rendering;

/// <param name="Handwritten">Adds the small per-entry slant and baseline wobble of pen-filled values.</param>
/// <param name="LetterSpacingPt">Extra tracking, e.g. for the widely spaced digits on ID cards.</param>
internal sealed record TextStyle(
    SKTypeface Typeface,
    float SizePt,
    SKColor Color,
    bool Handwritten = false,
    float LetterSpacingPt = 0,
    bool FakeBold = false)
{
    public static readonly SKColor Ink = new(24, 24, 28);
    public static readonly SKColor BluePen = new(22, 44, 140);
    public static readonly SKColor BlackPen = new(30, 30, 45);

    public float SizePx => PageCanvas.Pt(SizePt);

    public TextStyle WithSize(float sizePt) => this with { SizePt = sizePt };

    public SKFont CreateFont() => new(Typeface, SizePx)
    {
        Edging = SKFontEdging.Antialias,
        // Unhinted outlines keep glyph shapes independent of the FreeType hinting engine version.
        Hinting = SKFontHinting.None,
        Subpixel = true,
        Embolden = FakeBold,
    };
}
