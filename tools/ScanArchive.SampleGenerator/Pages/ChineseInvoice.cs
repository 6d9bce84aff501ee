using ScanArchive.SampleGenerator.Data;
using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Rendering;
using SkiaSharp;
using static ScanArchive.SampleGenerator.Rendering.PageCanvas;

namespace ScanArchive.SampleGenerator.Pages;

/// <summary>电子发票（普通发票）printout: buyer/seller, item lines with tax, totals and 价税合计 in 大写.</summary>
internal sealed class ChineseInvoice : IDocumentTemplate
{
    private sealed record Item(string Name, string Model, string Unit, int Quantity, decimal UnitPrice, decimal TaxRate)
    {
        public decimal Amount => Quantity * UnitPrice;

        public decimal Tax => decimal.Round(Amount * TaxRate, 2, MidpointRounding.AwayFromZero);
    }

    private static readonly (string Name, string Model, string Unit, decimal TaxRate, int MinPrice, int MaxPrice, int MaxQuantity)[] Catalogue =
    [
        ("*信息技术服务*文档扫描服务", "A4", "页", 0.06m, 1, 3, 4000),
        ("*信息技术服务*数据录入服务", "", "项", 0.06m, 800, 3000, 3),
        ("*计算机外部设备*扫描仪", "DS-530", "台", 0.13m, 2800, 4800, 2),
        ("*软件*文字识别软件", "V4.2", "套", 0.13m, 600, 1800, 3),
        ("*纸制品*档案盒", "A4", "个", 0.13m, 8, 15, 200),
    ];

    public string DocType => "invoice";

    public string Language => "zh";

    public IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles s)
    {
        var r = page.Random;
        var seller = r.Pick(Companies.ChineseFirms);
        var buyer = ChineseCustomers.Create(r);
        var date = r.DateBetween(new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 20));
        var invoiceNo = DocumentNumbers.ChineseInvoiceNo(date, r);
        var items = Catalogue.OrderBy(_ => r.Next()).Take(r.Next(2, 4))
            .Select(c => new Item(c.Name, c.Model, c.Unit, r.Next(1, c.MaxQuantity + 1), r.Next(c.MinPrice, c.MaxPrice + 1) + r.Next(0, 2) * 0.5m, c.TaxRate))
            .ToList();
        var net = items.Sum(i => i.Amount);
        var tax = items.Sum(i => i.Tax);
        var total = net + tax;

        float left = Mm(15), right = Mm(195), center = page.Width / 2;
        var titleStyle = s.ZhCompany.WithSize(20) with { Color = new SKColor(120, 60, 40) };
        page.Row(Mm(26)).Text("电子发票（普通发票）", center, Mm(30), titleStyle, SKTextAlign.Center);
        var titleWidth = Measure("电子发票（普通发票）", titleStyle);
        page.Line(center - titleWidth / 2, Mm(33), center + titleWidth / 2, Mm(33), 3f, titleStyle.Color);
        page.Line(center - titleWidth / 2, Mm(34.2), center + titleWidth / 2, Mm(34.2), 3f, titleStyle.Color);
        page.Row(Mm(44)).Text($"发票号码：{invoiceNo}", right, Mm(44), s.ZhSmall, SKTextAlign.Right);
        page.Row(Mm(50)).Text($"开票日期：{DateStyles.ChinesePadded(date)}", right, Mm(50), s.ZhSmall, SKTextAlign.Right);

        var parties = new RuledTable(page, left, Mm(55), [Mm(30), Mm(60), Mm(30), Mm(60)]);
        parties.AddRow(Mm(11), parties.Label("购买方名称", s.ZhSmall), new TableCell(buyer.Name, s.ZhSmall), parties.Label("销售方名称", s.ZhSmall), new TableCell(seller, s.ZhSmall));
        parties.AddRow(Mm(11), parties.Label("纳税人识别号", s.ZhSmall), new TableCell("", s.ZhSmall), parties.Label("纳税人识别号", s.ZhSmall), new TableCell(DocumentNumbers.CreditCode(r), s.ZhSmall));

        var cell = s.ZhSmall.WithSize(9);
        var lines = new RuledTable(page, left, parties.Bottom, [Mm(50), Mm(19), Mm(12), Mm(15), Mm(22), Mm(24), Mm(16), Mm(22)]);
        var h = Mm(10);
        lines.AddRow(h, Header("项目名称"), Header("规格型号"), Header("单位"), Header("数量"), Header("单价"), Header("金额"), Header("税率"), Header("税额"));
        foreach (var item in items)
        {
            lines.AddRow(
                h,
                new TableCell(item.Name, cell),
                new TableCell(item.Model, cell, Align: SKTextAlign.Center),
                new TableCell(item.Unit, cell, Align: SKTextAlign.Center),
                new TableCell(item.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), cell, Align: SKTextAlign.Right),
                new TableCell(Money.Plain(item.UnitPrice), cell, Align: SKTextAlign.Right),
                new TableCell(Money.Plain(item.Amount), cell, Align: SKTextAlign.Right),
                new TableCell($"{item.TaxRate * 100:0}%", cell, Align: SKTextAlign.Center),
                new TableCell(Money.Plain(item.Tax), cell, Align: SKTextAlign.Right));
        }

        lines.AddRow(h, new TableCell("合计", cell, ColumnSpan: 5, Align: SKTextAlign.Center), new TableCell($"¥{Money.Grouped(net)}", cell, Align: SKTextAlign.Right), new TableCell("", cell), new TableCell($"¥{Money.Grouped(tax)}", cell, Align: SKTextAlign.Right));
        lines.AddRow(
            Mm(12),
            new TableCell("价税合计（大写）", s.ZhSmall, Shaded: true),
            new TableCell(ChineseAmountWords.Convert(total), s.ZhLabel, ColumnSpan: 4),
            new TableCell($"（小写）¥{Money.Grouped(total)}", s.ZhLabel, ColumnSpan: 3));
        lines.AddRow(Mm(12), lines.Label("备注", s.ZhSmall), new TableCell($"客户编号：{buyer.CustomerNo}", s.ZhSmall, ColumnSpan: 7));
        lines.DrawFrame();
        parties.DrawFrame();

        var issuerBaseline = lines.Bottom + Mm(9);
        page.Row(issuerBaseline).Text($"开票人：{r.Pick(Companies.ChineseStaff)}", left + Mm(2), issuerBaseline, s.ZhSmall);

        return
        [
            new(FieldKeys.DocumentNo, invoiceNo),
            new(FieldKeys.DocumentDate, DateStyles.Iso(date)),
            new(FieldKeys.CustomerName, buyer.Name),
            new(FieldKeys.CompanyName, seller),
            new(FieldKeys.Amount, Money.Plain(total)),
            new(FieldKeys.CustomerNo, buyer.CustomerNo),
        ];

        TableCell Header(string text) => new(text, cell, Align: SKTextAlign.Center, Shaded: true);
    }
}
