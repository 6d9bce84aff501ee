using ScanArchive.Core.Imaging;

namespace ScanArchive.Extraction.Layout;

/// <summary>A printed label found in a row: tokens [Start, End) of the row, colon included.</summary>
/// <param name="Row">The row.</param>
/// <param name="Start">First token of the label.</param>
/// <param name="End">Token after the label (and after its colon).</param>
/// <param name="Entry">The dictionary entry, or null for a label recognized by its form alone (a colon, a caption).</param>
/// <param name="Text">The label as printed, without its colon.</param>
/// <param name="HasColon">True when a colon ends the label.</param>
/// <param name="Fuzzy">True when the label matched its dictionary entry only approximately (one OCR error).</param>
internal sealed record LabelHit(LayoutRow Row, int Start, int End, LabelEntry? Entry, string Text, bool HasColon, bool Fuzzy = false)
{
    public IReadOnlyList<LayoutToken> Tokens => Row.Tokens.Skip(Start).Take(End - Start).ToList();

    public PixelBox Box => LayoutText.Union(Tokens);

    public LayoutCell Cell => Row.CellOf(Start);

    /// <summary>True when the label fills its cell: its value is in another cell (to the right or below).</summary>
    public bool FillsCell => Start == Cell.Start && End == Cell.End;
}

/// <summary>Where a value was found relative to its label.</summary>
internal enum ValuePlace
{
    /// <summary>In the same cell, after the label (and its colon).</summary>
    Inline,

    /// <summary>In the next cell of the same row.</summary>
    Right,

    /// <summary>In the next cell, although the label's own cell had more text after it (possibly the value, garbled).</summary>
    RightAfterText,

    /// <summary>In the row below, in the label's column.</summary>
    Below,
}
