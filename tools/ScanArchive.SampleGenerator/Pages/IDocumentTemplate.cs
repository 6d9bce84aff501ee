using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Rendering;

namespace ScanArchive.SampleGenerator.Pages;

/// <summary>A kind of customer-folder page that can draw itself with fresh random data.</summary>
internal interface IDocumentTemplate
{
    /// <summary>account_application, customer_registration, id_card, contract, invoice, service_record or other.</summary>
    string DocType { get; }

    /// <summary>"zh" or "en".</summary>
    string Language { get; }

    /// <summary>Draws the page and returns the normalized values of the fields it printed.</summary>
    IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles styles);
}
