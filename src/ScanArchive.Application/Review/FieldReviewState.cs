namespace ScanArchive.Application.Review;

/// <summary>How the review screen colours a field.</summary>
public enum FieldReviewState
{
    /// <summary>Read with confidence and, where a validator applies, proven by it.</summary>
    Valid,

    /// <summary>Usable but doubtful: low confidence, or made valid by fixing OCR confusions. A person should look.</summary>
    Attention,

    /// <summary>Its validator refuses the value (ID check digit, phone plan, date, 大写 amount), or another field contradicts it.</summary>
    Invalid,

    /// <summary>A field the document type requires was not found (or is empty).</summary>
    Missing,

    /// <summary>A person typed or confirmed the value.</summary>
    Confirmed,
}
