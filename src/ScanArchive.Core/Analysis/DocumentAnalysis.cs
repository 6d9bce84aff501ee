using ScanArchive.Core.Extraction;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Analysis;

/// <summary>A document to analyze.</summary>
/// <param name="Path">The file.</param>
/// <param name="RelativePath">Its path relative to the folder it was found in (names the output file).</param>
public sealed record AnalysisInput(string Path, string RelativePath);

/// <summary>A field found by extraction, with the evidence for it.</summary>
/// <param name="Key">Canonical key (<see cref="FieldKeys"/>), e.g. <c>id_number</c>.</param>
/// <param name="Value">Normalized value: ISO 8601 dates, amounts like <c>12345.00</c>, phone digits only, gender M/F, half-width.</param>
/// <param name="Raw">The text as printed (as recognized).</param>
/// <param name="Confidence">0–1: OCR confidence of the evidence combined with validation.</param>
/// <param name="Page">1-based page the evidence is on.</param>
/// <param name="Box">Where the evidence is, in that page's pixels.</param>
public sealed record ExtractedField(string Key, string Value, string Raw, double Confidence, int Page, Imaging.PixelBox Box)
{
    /// <summary>What validation says about the value.</summary>
    public FieldValidation Validation { get; init; } = FieldValidation.Unchecked;

    /// <summary>How the value was found.</summary>
    public FieldSource Source { get; init; } = FieldSource.Label;

    /// <summary>The printed label the value was found by (null when found by shape, template or derivation).</summary>
    public string? Label { get; init; }

    /// <summary>The reviewer who typed or confirmed the value (null while it is the machine's reading).</summary>
    public string? ConfirmedBy { get; init; }
}

/// <summary>The outcome of analyzing one document: its pages' text, or why it could not be read.</summary>
public sealed record DocumentAnalysis
{
    /// <summary>The document analyzed.</summary>
    public required AnalysisInput Input { get; init; }

    /// <summary>Recognized pages in order (empty when the document failed).</summary>
    public IReadOnlyList<OcrPage> Pages { get; init; } = [];

    /// <summary>Extracted canonical fields (empty when no extractor ran).</summary>
    public IReadOnlyList<ExtractedField> Fields { get; init; } = [];

    /// <summary>Printed label → value pairs (empty when no extractor ran).</summary>
    public IReadOnlyList<ExtractedPair> Pairs { get; init; } = [];

    /// <summary>The document type (<see cref="DocumentTypes"/>), or null when no extractor ran.</summary>
    public string? DocType { get; init; }

    /// <summary>The error, for a document that could not be analyzed; its message is written for the user.</summary>
    public Exception? Error { get; init; }

    /// <summary>Time spent on the document (decode and recognition, wall clock).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when the document was analyzed.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Full text in reading order; pages separated by a blank line.</summary>
    public string Text => string.Join("\n\n", Pages.Select(p => ReadingOrder.Text(p.Lines)));
}

/// <summary>Progress of an analysis run.</summary>
/// <param name="DocumentsDone">Documents finished (analyzed or failed).</param>
/// <param name="DocumentsTotal">Documents in the run.</param>
/// <param name="PagesDone">Pages recognized so far.</param>
/// <param name="Current">The document just finished.</param>
public sealed record AnalysisProgress(int DocumentsDone, int DocumentsTotal, int PagesDone, DocumentAnalysis? Current);
