using ScanArchive.Core.Analysis;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Core.Extraction;

/// <summary>Finds canonical fields, label/value pairs and the document type in recognized pages.</summary>
/// <remarks>Implementations are pure computations over the OCR result and safe for concurrent callers.</remarks>
public interface IFieldExtractor
{
    /// <summary>Extracts from the pages of one document.</summary>
    /// <param name="pages">The document's recognized pages, in order (page numbers are 1-based positions).</param>
    DocumentExtraction Extract(IReadOnlyList<OcrPage> pages);
}

/// <summary>What extraction found in one document.</summary>
public sealed record DocumentExtraction
{
    /// <summary>An empty result (nothing found, type <see cref="DocumentTypes.Other"/>).</summary>
    public static DocumentExtraction Empty { get; } = new();

    /// <summary>At most one field per canonical key, in <see cref="FieldKeys.All"/> order.</summary>
    public IReadOnlyList<ExtractedField> Fields { get; init; } = [];

    /// <summary>Every printed label with its value, in reading order.</summary>
    public IReadOnlyList<ExtractedPair> Pairs { get; init; } = [];

    /// <summary>The document type (one of <see cref="DocumentTypes"/> or a type the data file defines).</summary>
    public string DocType { get; init; } = DocumentTypes.Other;

    /// <summary>0–1: how clearly the type won over the runner-up.</summary>
    public double DocTypeConfidence { get; init; }

    /// <summary>The form template whose zones were used, if one matched.</summary>
    public string? TemplateName { get; init; }
}
