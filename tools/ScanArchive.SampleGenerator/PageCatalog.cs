using ScanArchive.SampleGenerator.Pages;
using ScanArchive.SampleGenerator.Scanning;

namespace ScanArchive.SampleGenerator;

/// <summary>The committed sample set: ten document pages and seven scan-quality (QC) cases.</summary>
internal static class PageCatalog
{
    private static readonly ChineseAccountApplicationForm AccountApplication = new();
    private static readonly EnglishCustomerRegistrationForm EnglishRegistration = new();
    private static readonly ChineseCustomerRegistrationForm ChineseRegistration = new();
    private static readonly ChineseInvoice ChineseInvoice = new();
    private static readonly EnglishInvoice EnglishInvoice = new();
    private static readonly ChineseServiceRecord ChineseServiceRecord = new();

    public static IReadOnlyList<PageSpec> All { get; } =
    [
        new("zh-account-application", AccountApplication, ScanProfile.Office, OutputFormat.Jpeg,
            "Chinese ruled label/value form; handwriting-style (楷体) values: resident ID, mobile, e-mail, address, dates"),
        new("en-customer-registration", EnglishRegistration, ScanProfile.Office, OutputFormat.Jpeg,
            "English ruled form; handwriting-style (Comic Neue) values, dd/mm/yyyy and long dates, two-line address"),
        new("zh-customer-registration", ChineseRegistration, r => ScanProfile.Office(r) with { RemoveBackground = true }, OutputFormat.Png,
            "Chinese form with captions above values (caption row, then value row); lossless PNG from a background-removing scanner"),
        new("zh-id-card-copy", new IdCardCopy(), ScanProfile.Office, OutputFormat.Jpeg,
            "ID card photocopy (front and back) on A4: small print on a patterned background, photo box, written usage restriction"),
        new("zh-contract", new ChineseContract(), r => ScanProfile.Office(r) with { Colour = true }, OutputFormat.Jpeg,
            "Chinese contract in colour: running text, amount in figures and 大写, red seal over the signature block"),
        new("zh-invoice", ChineseInvoice, ScanProfile.Office, OutputFormat.Jpeg,
            "Chinese e-invoice: buyer/seller, dense item table with tax, totals, 价税合计 in 大写, 20-digit invoice number"),
        new("en-invoice", EnglishInvoice, ScanProfile.Office, OutputFormat.Jpeg,
            "English invoice: metadata block, bill-to address, item table, VAT and total"),
        new("en-service-record", new EnglishServiceRecord(), ScanProfile.Office, OutputFormat.TiffG4,
            "English service record as 1-bit CCITT G4 TIFF; handwriting-style technician notes"),
        new("zh-service-record", ChineseServiceRecord, ScanProfile.Office, OutputFormat.PdfJpeg,
            "Chinese service record wrapped in a PDF (scan-to-PDF); landline number, multi-line handwritten notes"),
        new("en-service-agreement", new EnglishServiceAgreement(), ScanProfile.Office, OutputFormat.Jpeg,
            "English agreement: long serif paragraphs, amount, passport and customer numbers, signatures"),

        new("qc-blank-page", new BlankPage(), ScanProfile.BlankWithNoise, OutputFormat.Jpeg,
            "QC: blank sheet with dust specks, sensor noise and an edge shadow (must be detected as blank)"),
        new("qc-blurry-en-invoice", EnglishInvoice, ScanProfile.Blurry, OutputFormat.Jpeg,
            "QC: badly out-of-focus scan (Gaussian blur, sigma 5.5-6.5 px at 300 dpi)"),
        new("qc-low-resolution-zh-account-application", AccountApplication, ScanProfile.LowResolution, OutputFormat.Jpeg,
            "QC: scanned at 100 dpi (area-resampled; header says 100 dpi)"),
        new("qc-upside-down-zh-invoice", ChineseInvoice, ScanProfile.UpsideDown, OutputFormat.Jpeg,
            "QC: page fed upside down (rotated 180°)"),
        new("qc-sideways-en-customer-registration", EnglishRegistration, ScanProfile.Sideways, OutputFormat.Jpeg,
            "QC: page fed sideways (rotated 90° or 270° clockwise)"),
        new("qc-low-contrast-zh-service-record", ChineseServiceRecord, ScanProfile.LowContrast, OutputFormat.Jpeg,
            "QC: faint grey print on grey paper"),
        new("qc-skewed-zh-customer-registration", ChineseRegistration, ScanProfile.StronglySkewed, OutputFormat.Jpeg,
            "QC: sheet placed crooked (7-10° skew), whole sheet visible against the scanner lid"),
    ];
}
