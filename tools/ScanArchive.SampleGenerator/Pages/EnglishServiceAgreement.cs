using ScanArchive.SampleGenerator.Data;
using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Rendering;
using SkiaSharp;
using static ScanArchive.SampleGenerator.Rendering.PageCanvas;

namespace ScanArchive.SampleGenerator.Pages;

/// <summary>Typed English service agreement: numbered clauses in a serif face and a signature block.</summary>
internal sealed class EnglishServiceAgreement : IDocumentTemplate
{
    public string DocType => "contract";

    public string Language => "en";

    public IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles s)
    {
        var r = page.Random;
        var company = r.Pick(Companies.EnglishFirms);
        var customer = EnglishCustomers.Create(r);
        var date = r.DateBetween(new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 20));
        var agreementNo = $"SA-{date:yyyy}-{r.Next(1, 10000):D4}";
        var fee = Money.ContractSum(r);
        var months = r.Next(6, 25);
        var signatory = r.Pick(Companies.EnglishTechnicians);

        float left = Mm(25), right = Mm(185), center = page.Width / 2;
        page.Row(Mm(30)).Text("SERVICE AGREEMENT", center, Mm(34), s.EnCompany, SKTextAlign.Center);
        page.Row(Mm(44)).Text($"Agreement No. {agreementNo}", right, Mm(45), s.EnLabel, SKTextAlign.Right);

        var body = s.EnBody;
        var y = Mm(58);
        string[] paragraphs =
        [
            $"This Service Agreement is made on {DateStyles.EnglishLong(date)} between {company} (the \"Provider\") and {customer.Name}, passport number {customer.PassportNo}, customer number {customer.CustomerNo}, of {customer.Address} (the \"Customer\").",
            $"1. Services. The Provider shall scan, index and archive the Customer's paper records and deliver searchable PDF files within {months} months of the date of this Agreement.",
            $"2. Fees. The Customer shall pay a fixed fee of CNY {Money.Grouped(fee)}, including VAT, within fourteen days of signing. Work outside the agreed scope is charged separately.",
            "3. Confidentiality. The Provider shall treat all personal data in the records as confidential and shall not disclose it to any third party without the Customer's written consent.",
            "4. Retention. Original documents are returned to the Customer after scanning. Digital copies are deleted from the Provider's systems ninety days after delivery.",
            "5. Governing law. This Agreement is governed by the laws of the People's Republic of China.",
        ];
        foreach (var paragraph in paragraphs)
        {
            y = page.Paragraph(paragraph, left, y, right - left, body, 1.6f) + Mm(3);
        }

        var signTop = y + Mm(16);
        var rightColumn = center + Mm(5);
        page.Row(signTop).Text("For the Provider", left, signTop, s.EnBodyBold).Text("The Customer", rightColumn, signTop, s.EnBodyBold);
        var signatureLine = signTop + Mm(18);
        page.Row(signatureLine - Mm(2))
            .Text(signatory, left, signatureLine - Mm(2), s.EnHand.WithSize(17) with { Color = TextStyle.BlackPen })
            .Text(customer.Name, rightColumn, signatureLine - Mm(2), s.EnHand.WithSize(17) with { Color = TextStyle.BlackPen });
        page.Line(left, signatureLine, left + Mm(65), signatureLine, 2f);
        page.Line(rightColumn, signatureLine, rightColumn + Mm(65), signatureLine, 2f);
        var dateLine = signatureLine + Mm(9);
        var signed = $"Date: {DateStyles.EnglishLong(date)}";
        page.Row(dateLine).Text(signed, left, dateLine, body).Text(signed, rightColumn, dateLine, body);

        return
        [
            new(FieldKeys.DocumentNo, agreementNo),
            new(FieldKeys.DocumentDate, DateStyles.Iso(date)),
            new(FieldKeys.CompanyName, company),
            new(FieldKeys.CustomerName, customer.Name),
            new(FieldKeys.IdNumber, customer.PassportNo),
            new(FieldKeys.CustomerNo, customer.CustomerNo),
            new(FieldKeys.Address, customer.Address),
            new(FieldKeys.Amount, Money.Plain(fee)),
        ];
    }
}
