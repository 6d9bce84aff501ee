using System.Globalization;
using System.Xml.Linq;
using ScanArchive.Core.Pdf;
using UglyToad.PdfPig.Writer;

namespace ScanArchive.Archive.Pdf;

/// <summary>
/// Writes <see cref="PdfDocumentInfo"/> into the document information dictionary and the XMP packet, consistently,
/// in the forms PDF/A requires.
/// </summary>
/// <remarks>
/// PdfPig maps Title, Author and Subject to dc:title, dc:creator and dc:description as plain text, but XMP types
/// them as language alternatives and an ordered list, which PDF/A validators reject. So these go into the
/// information dictionary as custom keys (PdfPig writes them verbatim) and into the XMP here, typed correctly.
/// Properties outside the standard schemas must be described by a PDF/A extension schema in the same packet.
/// </remarks>
internal static class PdfMetadata
{
    /// <summary>Namespace of the archive properties in XMP.</summary>
    public const string ArchiveNamespace = "http://ns.scanarchive.org/archive/1.0/";

    public const string ArchivePrefix = "sa";

    /// <summary>The archive properties: information dictionary key = XMP property name, with the description the extension schema gives.</summary>
    public static readonly IReadOnlyList<(string Name, string Description, Func<PdfDocumentInfo, string?> Value)> ArchiveProperties =
    [
        ("ArchiveNumber", "Archive number of the entry, e.g. KH-2026-000001", i => i.ArchiveNumber),
        ("DocumentType", "Document type of the entry, e.g. account_application", i => i.DocumentType),
        ("CustomerName", "Name of the customer the document belongs to", i => i.CustomerName),
        ("CustomerNumber", "Number of the customer the document belongs to", i => i.CustomerNumber),
    ];

    private static readonly XNamespace X = "adobe:ns:meta/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";
    private static readonly XNamespace AdobePdf = "http://ns.adobe.com/pdf/1.3/";
    private static readonly XNamespace Sa = ArchiveNamespace;
    private static readonly XNamespace PdfaExtension = "http://www.aiim.org/pdfa/ns/extension/";
    private static readonly XNamespace PdfaSchema = "http://www.aiim.org/pdfa/ns/schema#";
    private static readonly XNamespace PdfaProperty = "http://www.aiim.org/pdfa/ns/property#";

    public static void Apply(PdfDocumentBuilder builder, PdfDocumentInfo info, string producer)
    {
        var doc = builder.DocumentInformation;
        var custom = doc.CustomMetadata;
        custom["Title"] = info.Title;
        if (!string.IsNullOrWhiteSpace(info.Author))
        {
            custom["Author"] = info.Author;
        }

        var keywords = Keywords(info);
        if (keywords is not null)
        {
            doc.Keywords = keywords;
        }

        doc.Producer = producer;
        doc.Creator = producer;
        if (info.Created is { } created)
        {
            doc.CreationDate = PdfDate(created);
            doc.ModifiedDate = PdfDate(created);
        }

        foreach (var (name, _, value) in ArchiveProperties)
        {
            if (value(info) is { Length: > 0 } v)
            {
                custom[name] = v;
            }
        }

        builder.XmpMetadata = BuildXmp(info, keywords);
    }

    /// <summary>The keywords a desktop search or file manager shows: archive number, document type, customer.</summary>
    public static string? Keywords(PdfDocumentInfo info)
    {
        var parts = new[] { info.ArchiveNumber, info.DocumentType, info.CustomerName, info.CustomerNumber }
            .Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        return parts.Length == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>PDF date string, e.g. <c>D:20261122171743+08'00'</c>.</summary>
    public static string PdfDate(DateTimeOffset t)
    {
        var offset = t.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return FormattableString.Invariant($"D:{t:yyyyMMddHHmmss}{sign}{offset.Hours:00}'{offset.Minutes:00}'");
    }

    /// <summary>XMP date, e.g. <c>2026-11-22T17:17:43+08:00</c>.</summary>
    public static string XmpDate(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// The XMP additions. PdfPig merges them into its own packet (dc:format, pdf:PDFVersion, pdf:Producer,
    /// xmp:CreatorTool, pdfaid:part/conformance).
    /// </summary>
    private static XDocument BuildXmp(PdfDocumentInfo info, string? keywords)
    {
        var about = new XAttribute(Rdf + "about", string.Empty);
        var standard = new XElement(
            Rdf + "Description",
            about,
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(XNamespace.Xmlns + "xmp", Xmp),
            new XAttribute(XNamespace.Xmlns + "pdf", AdobePdf),
            new XElement(Dc + "title", LangAlt(info.Title)));
        if (!string.IsNullOrWhiteSpace(info.Author))
        {
            standard.Add(new XElement(Dc + "creator", new XElement(Rdf + "Seq", new XElement(Rdf + "li", info.Author))));
        }

        if (keywords is not null)
        {
            standard.Add(new XElement(AdobePdf + "Keywords", keywords));
        }

        if (info.Created is { } created)
        {
            standard.Add(new XElement(Xmp + "CreateDate", XmpDate(created)));
            standard.Add(new XElement(Xmp + "ModifyDate", XmpDate(created)));
            standard.Add(new XElement(Xmp + "MetadataDate", XmpDate(created)));
        }

        var archive = new XElement(Rdf + "Description", new XAttribute(Rdf + "about", string.Empty), new XAttribute(XNamespace.Xmlns + ArchivePrefix, Sa));
        foreach (var (name, _, value) in ArchiveProperties)
        {
            if (value(info) is { Length: > 0 } v)
            {
                archive.Add(new XElement(Sa + name, v));
            }
        }

        var rdf = new XElement(Rdf + "RDF", new XAttribute(XNamespace.Xmlns + "rdf", Rdf), standard);
        if (archive.HasElements)
        {
            rdf.Add(archive, ExtensionSchema());
        }

        return new XDocument(new XElement(X + "xmpmeta", new XAttribute(XNamespace.Xmlns + "x", X), rdf));
    }

    private static XElement LangAlt(string text) =>
        new(Rdf + "Alt", new XElement(Rdf + "li", new XAttribute(XNamespace.Xml + "lang", "x-default"), text));

    /// <summary>PDF/A's description of the archive properties (ISO 19005-2, 6.6.2.3: custom XMP properties must be declared).</summary>
    private static XElement ExtensionSchema()
    {
        var properties = new XElement(Rdf + "Seq");
        foreach (var (name, description, _) in ArchiveProperties)
        {
            properties.Add(new XElement(
                Rdf + "li",
                new XAttribute(Rdf + "parseType", "Resource"),
                new XElement(PdfaProperty + "name", name),
                new XElement(PdfaProperty + "valueType", "Text"),
                new XElement(PdfaProperty + "category", "external"),
                new XElement(PdfaProperty + "description", description)));
        }

        return new XElement(
            Rdf + "Description",
            new XAttribute(Rdf + "about", string.Empty),
            new XAttribute(XNamespace.Xmlns + "pdfaExtension", PdfaExtension),
            new XAttribute(XNamespace.Xmlns + "pdfaSchema", PdfaSchema),
            new XAttribute(XNamespace.Xmlns + "pdfaProperty", PdfaProperty),
            new XElement(
                PdfaExtension + "schemas",
                new XElement(
                    Rdf + "Bag",
                    new XElement(
                        Rdf + "li",
                        new XAttribute(Rdf + "parseType", "Resource"),
                        new XElement(PdfaSchema + "schema", "ScanArchive archive entry"),
                        new XElement(PdfaSchema + "namespaceURI", ArchiveNamespace),
                        new XElement(PdfaSchema + "prefix", ArchivePrefix),
                        new XElement(PdfaSchema + "property", properties)))));
    }
}
