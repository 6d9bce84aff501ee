namespace ScanArchive.Core.Extraction;

/// <summary>The canonical field keys that extraction fills and the archive stores.</summary>
public static class FieldKeys
{
    /// <summary>The customer's name (a person, or the invoice buyer / contract party B).</summary>
    public const string CustomerName = "customer_name";

    /// <summary>The institution's customer number (客户编号).</summary>
    public const string CustomerNo = "customer_no";

    /// <summary>Resident ID or passport number, upper-case.</summary>
    public const string IdNumber = "id_number";

    /// <summary>Phone number, digits only (mobile <c>13812345678</c>, landline <c>02588886666</c>).</summary>
    public const string Phone = "phone";

    /// <summary>E-mail address.</summary>
    public const string Email = "email";

    /// <summary>Postal address on one line (a wrapped address is joined).</summary>
    public const string Address = "address";

    /// <summary>Date of birth, ISO 8601.</summary>
    public const string DateOfBirth = "date_of_birth";

    /// <summary>Gender, <c>M</c> or <c>F</c>.</summary>
    public const string Gender = "gender";

    /// <summary>The document's own date (application, invoice, signing date), ISO 8601.</summary>
    public const string DocumentDate = "document_date";

    /// <summary>The document's own number (form, invoice, contract number).</summary>
    public const string DocumentNo = "document_no";

    /// <summary>The document's total amount as a plain decimal with two places (<c>12345.00</c>).</summary>
    public const string Amount = "amount";

    /// <summary>The issuing bank or company (an invoice's seller).</summary>
    public const string CompanyName = "company_name";

    /// <summary>Every canonical key, in the order fields are listed.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CustomerName, CustomerNo, IdNumber, Phone, Email, Address, DateOfBirth, Gender,
        DocumentDate, DocumentNo, Amount, CompanyName,
    ];

    /// <summary>True for one of the canonical keys.</summary>
    public static bool IsCanonical(string key) => All.Contains(key, StringComparer.Ordinal);
}
