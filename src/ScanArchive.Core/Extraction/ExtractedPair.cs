using ScanArchive.Core.Imaging;

namespace ScanArchive.Core.Extraction;

/// <summary>A printed label and the value next to it, for forms without a field dictionary.</summary>
/// <param name="Label">The label as printed (without a trailing colon).</param>
/// <param name="Value">The value's text as printed (half-width).</param>
/// <param name="Confidence">0–1: the OCR confidence of the value's words.</param>
/// <param name="Page">1-based page.</param>
/// <param name="LabelBox">Where the label is, in the page's pixels.</param>
/// <param name="ValueBox">Where the value is, in the page's pixels.</param>
public sealed record ExtractedPair(string Label, string Value, double Confidence, int Page, PixelBox LabelBox, PixelBox ValueBox);
