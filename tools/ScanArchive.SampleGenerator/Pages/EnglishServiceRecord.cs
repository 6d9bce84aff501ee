using ScanArchive.SampleGenerator.Data;
using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Rendering;
using SkiaSharp;
using static ScanArchive.SampleGenerator.Rendering.PageCanvas;

namespace ScanArchive.SampleGenerator.Pages;

/// <summary>On-site service record with printed labels and handwritten technician notes.</summary>
internal sealed class EnglishServiceRecord : IDocumentTemplate
{
    public string DocType => "service_record";

    public string Language => "en";

    public IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles s)
    {
        var r = page.Random;
        var company = r.Pick(Companies.EnglishFirms);
        var customer = EnglishCustomers.Create(r);
        var date = r.DateBetween(new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 20));
        var recordNo = $"SR-{date:yyyyMMdd}-{r.Digits(3)}";
        var phone = PhoneNumbers.FormatMobile(customer.Mobile, r);

        float left = Mm(20), right = Mm(190);
        Letterhead.Logo(page, new SKPoint(left + Mm(8), Mm(25)), Mm(7), TextStyle.Ink);
        page.Row(Mm(24)).Text(company, left + Mm(19), Mm(28), s.EnCompany.WithSize(16));
        Letterhead.Rule(page, left, right, Mm(35));
        page.Row(Mm(47)).Text("SERVICE RECORD", left, Mm(50), s.EnTitle).Text($"Record No. {recordNo}", right, Mm(50), s.EnLabel, SKTextAlign.Right);

        var table = new RuledTable(page, left, Mm(58), [Mm(32), Mm(53), Mm(32), Mm(53)]);
        var h = Mm(13);
        table.AddRow(h, table.Label("Customer", s.EnLabel), Value(customer.Name), table.Label("Customer No.", s.EnLabel), Value(customer.CustomerNo));
        table.AddRow(h, table.Label("Service Date", s.EnLabel), Value(DateStyles.RandomEnglish(date, r)), table.Label("Technician", s.EnLabel), Value(r.Pick(Companies.EnglishTechnicians)));
        table.AddRow(h, table.Label("Phone", s.EnLabel), Value(phone), table.Label("Device", s.EnLabel), Value("DS-530 II"));
        table.AddParagraphRow(table.Label("Address", s.EnLabel), customer.Address, s.EnHand, minHeight: h);
        table.AddRow(Mm(10), new TableCell("Technician Notes", s.EnLabelBold, ColumnSpan: 4, Shaded: true));
        table.DrawFrame();

        var notes = ServiceNotes.Pick(r, ServiceNotes.English, r.Next(3, 5), " ");
        var y = page.Paragraph(notes, left + Mm(3), table.Bottom + Mm(12), right - left - Mm(6), s.EnHand.WithSize(13), 1.7f);

        y += Mm(10);
        page.Row(y).Text("Time on site", left, y, s.EnLabel).Text($"{r.Next(1, 4)}.{r.Next(2) * 5} h", left + Mm(35), y, s.EnHand);
        y += Mm(22);
        page.Row(y).Text("Customer Signature", left, y, s.EnLabel).Text(customer.Name, left + Mm(45), y, s.EnHand.WithSize(17))
            .Text("Date", Mm(135), y, s.EnLabel).Text(DateStyles.DayMonthYear(date), Mm(148), y, s.EnHand);
        page.Line(left + Mm(43), y + Mm(2), Mm(125), y + Mm(2), 2f);
        page.Line(Mm(146), y + Mm(2), right, y + Mm(2), 2f);

        return
        [
            new(FieldKeys.CompanyName, company),
            new(FieldKeys.DocumentNo, recordNo),
            new(FieldKeys.CustomerName, customer.Name),
            new(FieldKeys.CustomerNo, customer.CustomerNo),
            new(FieldKeys.DocumentDate, DateStyles.Iso(date)),
            new(FieldKeys.Phone, customer.Mobile),
            new(FieldKeys.Address, customer.Address),
        ];

        TableCell Value(string text) => new(text, s.EnHand);
    }
}
