namespace ScanArchive.Ocr;

/// <summary>
/// Paints the long horizontal and vertical rules of tables and boxes white. Tesseract's page layout removes
/// rules itself, but a single line recognized on its own gets none of that: a cell border inside the rectangle
/// comes back as "|", "‖" or a made-up character.
/// </summary>
internal static class RuleRemover
{
    /// <summary>Binarization threshold: rules are printed dark.</summary>
    private const int DarkThreshold = 140;

    /// <summary>
    /// A copy of <paramref name="pix"/> without rules at least <paramref name="minLength"/> pixels long, or null
    /// when Leptonica fails (the caller then keeps the rules).
    /// </summary>
    public static SafePixHandle? WithoutRules(SafePixHandle pix, int minLength)
    {
        using var binary = Interop.Leptonica.pixConvertTo1(pix, DarkThreshold);
        if (binary.IsInvalid)
        {
            return null;
        }

        using var horizontal = Interop.Leptonica.pixOpenBrick(0, binary, minLength, 1);
        using var vertical = Interop.Leptonica.pixOpenBrick(0, binary, 1, minLength);
        if (horizontal.IsInvalid || vertical.IsInvalid)
        {
            return null;
        }

        using var rules = Interop.Leptonica.pixOr(0, horizontal, vertical);
        using var mask = rules.IsInvalid ? rules : Interop.Leptonica.pixDilateBrick(0, rules, 5, 5);
        var copy = Interop.Leptonica.pixCopy(0, pix);
        if (mask.IsInvalid || copy.IsInvalid || Interop.Leptonica.pixSetMasked(copy, mask, 0xFFFFFFFF) != 0)
        {
            copy.Dispose();
            return null;
        }

        return copy;
    }
}
