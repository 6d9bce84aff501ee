using System.Globalization;
using ScanArchive.SampleGenerator.Data;
using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Rendering;
using SkiaSharp;
using static ScanArchive.SampleGenerator.Rendering.PageCanvas;

namespace ScanArchive.SampleGenerator.Pages;

/// <summary>English commercial invoice: metadata block, bill-to address, item table, VAT and total.</summary>
internal sealed class EnglishInvoice : IDocumentTemplate
{
    private static readonly (string Description, int MinPrice, int MaxPrice, int MaxQuantity)[] Catalogue =
    [
        ("Document scanner DS-530 II", 2800, 4800, 3),
        ("Scanning service (per 1,000 pages)", 180, 260, 12),
        ("Annual maintenance contract", 1200, 2400, 1),
        ("OCR software licence", 600, 1500, 4),
        ("Archive boxes, pack of 20", 60, 120, 10),
    ];

    private const decimal VatRate = 0.13m;

    public string DocType => "invoice";

    public string Language => "en";

    public IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles s)
    {
        var r = page.Random;
        var company = r.Pick(Companies.EnglishFirms);
        var customer = EnglishCustomers.Create(r);
        var date = r.DateBetween(new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 20));
        var invoiceNo = $"INV-{date:yyyy}-{r.Next(1, 100000):D5}";
        var items = Catalogue.OrderBy(_ => r.Next()).Take(r.Next(2, 5))
            .Select(c => (c.Description, Quantity: r.Next(1, c.MaxQuantity + 1), Price: (decimal)r.Next(c.MinPrice, c.MaxPrice + 1)))
            .ToList();
        var subtotal = items.Sum(i => i.Quantity * i.Price);
        var vat = decimal.Round(subtotal * VatRate, 2, MidpointRounding.AwayFromZero);
        var total = subtotal + vat;

        float left = Mm(20), right = Mm(190);
        Letterhead.Logo(page, new SKPoint(left + Mm(8), Mm(25)), Mm(7), TextStyle.Ink);
        page.Row(Mm(24)).Text(company, left + Mm(19), Mm(27), s.EnCompany.WithSize(16));
        page.Row(Mm(31)).Text("Office equipment and document services", left + Mm(19), Mm(33), s.EnSmall);
        page.Row(Mm(46)).Text("INVOICE", right, Mm(50), s.EnTitle.WithSize(24), SKTextAlign.Right);
        Letterhead.Rule(page, left, right, Mm(54));

        var metaLabelX = Mm(122);
        var y = Mm(64);
        foreach (var (label, value) in new[] { ("Invoice No.", invoiceNo), ("Date", DateStyles.EnglishLong(date)), ("Customer No.", customer.CustomerNo) })
        {
            page.Row(y).Text(label, metaLabelX, y, s.EnLabelBold).Text(value, right, y, s.EnLabel, SKTextAlign.Right);
            y += Mm(6.5);
        }

        y += Mm(4);
        page.Row(y).Text("Bill To", left, y, s.EnLabelBold);
        y += Mm(6.5);
        page.Row(y).Text(customer.Name, left, y, s.EnLabel);
        y = page.Paragraph(customer.Address, left, y + Mm(6.5), Mm(95), s.EnLabel, 1.5f);

        var table = new RuledTable(page, left, y + Mm(6), [Mm(92), Mm(18), Mm(30), Mm(30)], lineWidth: 2.5f);
        var h = Mm(10);
        table.AddRow(h, new TableCell("Description", s.EnLabelBold, Shaded: true), new TableCell("Qty", s.EnLabelBold, Align: SKTextAlign.Right, Shaded: true),
            new TableCell("Unit Price", s.EnLabelBold, Align: SKTextAlign.Right, Shaded: true), new TableCell("Amount", s.EnLabelBold, Align: SKTextAlign.Right, Shaded: true));
        foreach (var (description, quantity, price) in items)
        {
            table.AddRow(h, new TableCell(description, s.EnLabel), new TableCell(quantity.ToString(CultureInfo.InvariantCulture), s.EnLabel, Align: SKTextAlign.Right),
                new TableCell(Money.Grouped(price), s.EnLabel, Align: SKTextAlign.Right), new TableCell(Money.Grouped(quantity * price), s.EnLabel, Align: SKTextAlign.Right));
        }

        table.AddRow(h, new TableCell("Subtotal", s.EnLabel, ColumnSpan: 3, Align: SKTextAlign.Right), new TableCell(Money.Grouped(subtotal), s.EnLabel, Align: SKTextAlign.Right));
        table.AddRow(h, new TableCell("VAT 13%", s.EnLabel, ColumnSpan: 3, Align: SKTextAlign.Right), new TableCell(Money.Grouped(vat), s.EnLabel, Align: SKTextAlign.Right));
        table.AddRow(h, new TableCell("Total (CNY)", s.EnLabelBold, ColumnSpan: 3, Align: SKTextAlign.Right), new TableCell(Money.Grouped(total), s.EnLabelBold, Align: SKTextAlign.Right));

        y = table.Bottom + Mm(12);
        y = page.Paragraph(
            $"Payment is due within 30 days of the invoice date. Please quote invoice number {invoiceNo} with your payment. Bank transfer to account 6222 0210 0123 4567 890.",
            left, y, right - left, s.EnBody, 1.5f);
        page.Row(y + Mm(6)).Text("Thank you for your business.", left, y + Mm(6), s.EnBody);

        return
        [
            new(FieldKeys.CompanyName, company),
            new(FieldKeys.DocumentNo, invoiceNo),
            new(FieldKeys.DocumentDate, DateStyles.Iso(date)),
            new(FieldKeys.CustomerNo, customer.CustomerNo),
            new(FieldKeys.CustomerName, customer.Name),
            new(FieldKeys.Address, customer.Address),
            new(FieldKeys.Amount, Money.Plain(total)),
        ];
    }
}
