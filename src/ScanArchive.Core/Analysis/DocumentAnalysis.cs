using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Analysis;

/// <summary>A document to analyze.</summary>
/// <param name="Path">The file.</param>
/// <param name="RelativePath">Its path relative to the folder it was found in (names the output file).</param>
public sealed record AnalysisInput(string Path, string RelativePath);

/// <summary>An extracted field (filled by field extraction; empty until then).</summary>
/// <param name="Key">Canonical key, e.g. <c>id_number</c>.</param>
/// <param name="Value">Normalized value.</param>
/// <param name="Raw">The text as printed.</param>
/// <param name="Confidence">0–1.</param>
/// <param name="Page">1-based page the evidence is on.</param>
/// <param name="Box">Where the evidence is, in that page's pixels.</param>
public sealed record ExtractedField(string Key, string Value, string Raw, double Confidence, int Page, Imaging.PixelBox Box);

/// <summary>The outcome of analyzing one document: its pages' text, or why it could not be read.</summary>
public sealed record DocumentAnalysis
{
    /// <summary>The document analyzed.</summary>
    public required AnalysisInput Input { get; init; }

    /// <summary>Recognized pages in order (empty when the document failed).</summary>
    public IReadOnlyList<OcrPage> Pages { get; init; } = [];

    /// <summary>Extracted fields.</summary>
    public IReadOnlyList<ExtractedField> Fields { get; init; } = [];

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
