using ScanArchive.SampleGenerator.Data;
using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Rendering;
using SkiaSharp;
using static ScanArchive.SampleGenerator.Rendering.PageCanvas;

namespace ScanArchive.SampleGenerator.Pages;

/// <summary>English ruled registration form completed by hand (Comic Neue stands in for pen).</summary>
internal sealed class EnglishCustomerRegistrationForm : IDocumentTemplate
{
    private static readonly string[] Nationalities = ["British", "Canadian", "Australian", "American", "Irish", "German"];
    private static readonly string[] Occupations = ["Engineer", "Teacher", "Accountant", "Consultant", "Designer", "Manager"];

    public string DocType => "customer_registration";

    public string Language => "en";

    public IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles s)
    {
        var r = page.Random;
        var company = r.Pick(Companies.EnglishFirms);
        var customer = EnglishCustomers.Create(r);
        var date = r.DateBetween(new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 20));
        var formNo = $"CR-{date:yyyyMMdd}-{r.Digits(4)}";
        var phone = PhoneNumbers.FormatMobile(customer.Mobile, r);

        float left = Mm(20), right = Mm(190);
        Letterhead.Logo(page, new SKPoint(left + Mm(8), Mm(25)), Mm(7), TextStyle.Ink);
        page.Row(Mm(24)).Text(company, left + Mm(19), Mm(28), s.EnCompany);
        Letterhead.Rule(page, left, right, Mm(35));
        page.Row(Mm(46)).Text("CUSTOMER REGISTRATION FORM", (left + right) / 2, Mm(50), s.EnTitle, SKTextAlign.Center);
        page.Row(Mm(58)).Text("Please complete all fields in ink.", left, Mm(61), s.EnSmall)
            .Text($"Form No. {formNo}", right, Mm(61), s.EnLabel, SKTextAlign.Right);

        var table = new RuledTable(page, left, Mm(66), [Mm(32), Mm(53), Mm(32), Mm(53)]);
        var h = Mm(13);
        table.AddRow(Mm(10), new TableCell("1. Personal Details", s.EnLabelBold, ColumnSpan: 4, Shaded: true));
        table.AddRow(h, table.Label("Full Name", s.EnLabel), Value(customer.Name), table.Label("Customer No.", s.EnLabel), Value(customer.CustomerNo));
        table.AddRow(h, table.Label("Gender", s.EnLabel), Value(GenderText.English(customer.Gender)), table.Label("Date of Birth", s.EnLabel), Value(DateStyles.DayMonthYear(customer.BirthDate)));
        table.AddRow(h, table.Label("ID No.", s.EnLabel), Value(customer.PassportNo), table.Label("Nationality", s.EnLabel), Value(r.Pick(Nationalities)));
        table.AddRow(h, table.Label("Mobile", s.EnLabel), Value(phone), table.Label("Occupation", s.EnLabel), Value(r.Pick(Occupations)));
        table.AddRow(h, table.Label("Email", s.EnLabel), new TableCell(customer.Email, s.EnHand, ColumnSpan: 3));
        table.AddParagraphRow(table.Label("Address", s.EnLabel), customer.Address, s.EnHand, minHeight: h);

        var (contactRow, contactCells) = table.AddRow(h, table.Label("Contact by", s.EnLabel), new TableCell("", s.EnLabel, ColumnSpan: 3));
        var x = contactCells[1].Left + Mm(4);
        var ticked = r.Next(3);
        string[] channels = ["Email", "Phone", "Post"];
        for (var i = 0; i < channels.Length; i++)
        {
            page.Checkbox(x, contactCells[1].MidY, i == ticked);
            contactRow.Text(channels[i], x + Mm(5), CenteredBaseline(contactCells[1].MidY, s.EnLabel), s.EnLabel);
            x += Mm(30);
        }

        table.AddRow(Mm(10), new TableCell("2. Declaration", s.EnLabelBold, ColumnSpan: 4, Shaded: true));
        table.DrawFrame();

        var y = page.Paragraph(
            $"I confirm that the information given above is true and complete. I agree that {company} may verify it and keep it on file in accordance with its privacy policy.",
            left, table.Bottom + Mm(9), right - left, s.EnBody);

        var signature = new RuledTable(page, left, y + Mm(2), [Mm(32), Mm(53), Mm(32), Mm(53)]);
        signature.AddRow(Mm(16), signature.Label("Signature", s.EnLabel), new TableCell(customer.Name, s.EnHand.WithSize(17)), signature.Label("Date", s.EnLabel), Value(DateStyles.EnglishLong(date)));
        signature.DrawFrame();

        var office = new RuledTable(page, left, signature.Bottom + Mm(14), [Mm(32), Mm(53), Mm(32), Mm(53)]);
        office.AddRow(Mm(10), new TableCell("For office use only", s.EnLabelBold, ColumnSpan: 4, Shaded: true));
        office.AddRow(h, office.Label("Received by", s.EnLabel), Value(r.Pick(Companies.EnglishTechnicians)), office.Label("Branch", s.EnLabel), Value(r.Pick(new[] { "Shanghai", "Beijing", "Shenzhen" })));
        office.DrawFrame();

        return
        [
            new(FieldKeys.CompanyName, company),
            new(FieldKeys.DocumentNo, formNo),
            new(FieldKeys.CustomerName, customer.Name),
            new(FieldKeys.CustomerNo, customer.CustomerNo),
            new(FieldKeys.Gender, GenderText.Code(customer.Gender)),
            new(FieldKeys.DateOfBirth, DateStyles.Iso(customer.BirthDate)),
            new(FieldKeys.IdNumber, customer.PassportNo),
            new(FieldKeys.Phone, customer.Mobile),
            new(FieldKeys.Email, customer.Email),
            new(FieldKeys.Address, customer.Address),
            new(FieldKeys.DocumentDate, DateStyles.Iso(date)),
        ];

        TableCell Value(string text) => new(text, s.EnHand);
    }
}
