using ScanArchive.SampleGenerator.Data;
using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Rendering;
using SkiaSharp;
using static ScanArchive.SampleGenerator.Rendering.PageCanvas;

namespace ScanArchive.SampleGenerator.Pages;

/// <summary>客户服务记录单 with a landline number and multi-line handwritten fault/repair notes.</summary>
internal sealed class ChineseServiceRecord : IDocumentTemplate
{
    private static readonly string[] ServiceTypes = ["上门维修", "远程支持", "定期保养", "设备安装"];
    private static readonly string[] Opinions = ["非常满意", "满意", "服务及时，满意"];

    public string DocType => "service_record";

    public string Language => "zh";

    public IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles s)
    {
        var r = page.Random;
        var company = r.Pick(Companies.ChineseFirms);
        var customer = ChineseCustomers.Create(r);
        var date = r.DateBetween(new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 20));
        var recordNo = DocumentNumbers.Prefixed("FW", date, r, 3);
        var landline = PhoneNumbers.Landline(r);

        float left = Mm(20), right = Mm(190), center = page.Width / 2;
        Letterhead.Logo(page, new SKPoint(left + Mm(8), Mm(25)), Mm(7), TextStyle.Ink);
        page.Row(Mm(24)).Text(company, left + Mm(19), Mm(28), s.ZhCompany.WithSize(17));
        Letterhead.Rule(page, left, right, Mm(35));
        page.Row(Mm(46)).Text("客户服务记录单", center, Mm(50), s.ZhTitle, SKTextAlign.Center);
        page.Row(Mm(58)).Text($"单号：{recordNo}", right, Mm(60), s.ZhLabel, SKTextAlign.Right);

        var table = new RuledTable(page, left, Mm(64), [Mm(30), Mm(55), Mm(30), Mm(55)]);
        var h = Mm(13);
        table.AddRow(h, table.Label("客户名称", s.ZhLabel), Value(customer.Name), table.Label("客户编号", s.ZhLabel), Value(customer.CustomerNo));
        table.AddRow(h, table.Label("服务日期", s.ZhLabel), Value(DateStyles.Iso(date)), table.Label("服务工程师", s.ZhLabel), Value(r.Pick(Companies.ChineseStaff)));
        table.AddRow(h, table.Label("联系电话", s.ZhLabel), Value(PhoneNumbers.FormatLandline(landline)), table.Label("服务类型", s.ZhLabel), Value(r.Pick(ServiceTypes)));
        table.AddParagraphRow(table.Label("服务地址", s.ZhLabel), customer.Address.Full, s.ZhHand, minHeight: h);
        table.AddParagraphRow(table.Label("故障描述", s.ZhLabel), r.Pick(ServiceNotes.ChineseFaults), s.ZhHand, minHeight: Mm(22));
        table.AddParagraphRow(table.Label("处理过程", s.ZhLabel), ServiceNotes.Pick(r, ServiceNotes.ChineseActions, 3, ""), s.ZhHand, minHeight: Mm(40), lineSpacing: 1.7f);
        table.AddRow(h, table.Label("客户意见", s.ZhLabel), new TableCell(r.Pick(Opinions), s.ZhHand, ColumnSpan: 3));
        table.AddRow(Mm(16), table.Label("客户签字", s.ZhLabel), new TableCell(customer.Name, s.ZhHand.WithSize(18)), table.Label("日期", s.ZhLabel), Value(DateStyles.ChineseLong(date)));
        table.DrawFrame();

        var footBaseline = table.Bottom + Mm(9);
        page.Row(footBaseline).Text("本单一式两联，第一联公司存档，第二联交客户。", left, footBaseline, s.ZhSmall);

        return
        [
            new(FieldKeys.CompanyName, company),
            new(FieldKeys.DocumentNo, recordNo),
            new(FieldKeys.CustomerName, customer.Name),
            new(FieldKeys.CustomerNo, customer.CustomerNo),
            new(FieldKeys.DocumentDate, DateStyles.Iso(date)),
            new(FieldKeys.Phone, landline),
            new(FieldKeys.Address, customer.Address.Full),
        ];

        TableCell Value(string text) => new(text, s.ZhHand);
    }
}
