namespace ScanArchive.Core.Extraction;

/// <summary>What validation says about an extracted value.</summary>
public enum FieldValidation
{
    /// <summary>No validator applies to the key (names, addresses), or the value only has a plausible shape.</summary>
    Unchecked,

    /// <summary>The value passed its validator (ID check digit, date on the calendar, phone plan, ...).</summary>
    Valid,

    /// <summary>The printed text failed validation, but fixing OCR confusions (O→0, l→1, ...) made it pass.</summary>
    Corrected,

    /// <summary>Another field on the document contradicts it (ID birth date ≠ date of birth, 大写 ≠ amount).</summary>
    Conflict,
}

/// <summary>How a field's value was found.</summary>
public enum FieldSource
{
    /// <summary>Next to (right of, below, or after) a printed label.</summary>
    Label,

    /// <summary>By its own shape (ID number, phone, e-mail, date, amount, company or address form) without a label.</summary>
    Shape,

    /// <summary>In a zone of a matching form template.</summary>
    Template,

    /// <summary>Derived from another field (birth date and gender from a resident ID number, amount from 大写).</summary>
    Derived,

    /// <summary>Typed or corrected by a reviewer.</summary>
    Reviewer,
}
