using ScanArchive.SampleGenerator.Data;
using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Rendering;
using SkiaSharp;
using static ScanArchive.SampleGenerator.Rendering.PageCanvas;

namespace ScanArchive.SampleGenerator.Pages;

/// <summary>个人客户开户申请表: a bank's ruled label/value form filled in by hand.</summary>
internal sealed class ChineseAccountApplicationForm : IDocumentTemplate
{
    private static readonly string[] Occupations = ["工程师", "教师", "会计", "医生", "销售", "个体经营", "公务员", "设计师"];

    public string DocType => "account_application";

    public string Language => "zh";

    public IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles s)
    {
        var r = page.Random;
        var bank = r.Pick(Companies.ChineseBanks);
        var customer = ChineseCustomers.Create(r);
        var date = r.DateBetween(new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 20));
        var formNo = DocumentNumbers.Prefixed("SQ", date, r);
        var phone = PhoneNumbers.FormatMobile(customer.Mobile, r);

        float left = Mm(20), right = Mm(190), center = page.Width / 2;
        Letterhead.Logo(page, new SKPoint(left + Mm(9), Mm(26)), Mm(8), TextStyle.Ink);
        page.Row(Mm(24)).Text(bank, left + Mm(22), Mm(29), s.ZhCompany);
        Letterhead.Rule(page, left, right, Mm(37));
        page.Row(Mm(48)).Text("个人客户开户申请表", center, Mm(52), s.ZhTitle, SKTextAlign.Center);
        page.Row(Mm(62)).Text($"单号：{formNo}", right, Mm(64), s.ZhLabel, SKTextAlign.Right);

        var table = new RuledTable(page, left, Mm(68), [Mm(30), Mm(55), Mm(30), Mm(55)]);
        var rowHeight = Mm(13);
        table.AddRow(rowHeight, table.Label("客户姓名", s.ZhLabel), Value(customer.Name), table.Label("客户编号", s.ZhLabel), Value(customer.CustomerNo));
        table.AddRow(rowHeight, table.Label("性别", s.ZhLabel), Value(GenderText.Chinese(customer.Gender)), table.Label("出生日期", s.ZhLabel), Value(DateStyles.ChineseLong(customer.BirthDate)));
        table.AddRow(rowHeight, table.Label("证件类型", s.ZhLabel), Value("居民身份证"), table.Label("证件号码", s.ZhLabel), Value(customer.IdNumber));
        table.AddRow(rowHeight, table.Label("联系电话", s.ZhLabel), Value(phone), table.Label("职业", s.ZhLabel), Value(r.Pick(Occupations)));
        table.AddRow(rowHeight, table.Label("电子邮箱", s.ZhLabel), new TableCell(customer.Email, s.ZhHand, ColumnSpan: 3));
        table.AddRow(rowHeight, table.Label("联系地址", s.ZhLabel), new TableCell(customer.Address.Full, s.ZhHand, ColumnSpan: 3));

        var (accountRow, accountCells) = table.AddRow(rowHeight, table.Label("开户类型", s.ZhLabel), new TableCell("", s.ZhLabel, ColumnSpan: 3));
        var x = accountCells[1].Left + Mm(4);
        var ticked = r.Next(3);
        string[] accountTypes = ["储蓄账户", "理财账户", "信用卡"];
        for (var i = 0; i < accountTypes.Length; i++)
        {
            page.Checkbox(x, accountCells[1].MidY, i == ticked);
            accountRow.Text(accountTypes[i], x + Mm(5), CenteredBaseline(accountCells[1].MidY, s.ZhLabel), s.ZhLabel);
            x += Mm(36);
        }

        table.AddRow(Mm(16), table.Label("申请日期", s.ZhLabel), Value(DateStyles.ChineseLong(date)), table.Label("客户签名", s.ZhLabel), new TableCell(customer.Name, s.ZhHand.WithSize(18)));
        table.DrawFrame();

        var y = table.Bottom + Mm(12);
        y = page.Paragraph(
            "客户声明：本人已阅读并理解《个人账户管理协议》的全部条款，承诺以上所填信息真实、准确、完整，如有变更将及时通知银行。本人同意银行依法核实上述信息。",
            left, y, right - left, s.ZhBody);

        var bankUse = new RuledTable(page, left, y + Mm(8), [Mm(30), Mm(55), Mm(30), Mm(55)]);
        bankUse.AddRow(Mm(11), new TableCell("以下由银行填写", s.ZhLabel, ColumnSpan: 4, Shaded: true));
        bankUse.AddRow(Mm(13), bankUse.Label("经办人", s.ZhLabel), Value(r.Pick(Companies.ChineseStaff)), bankUse.Label("复核人", s.ZhLabel), Value(r.Pick(Companies.ChineseStaff)));
        bankUse.DrawFrame();

        return
        [
            new(FieldKeys.CompanyName, bank),
            new(FieldKeys.DocumentNo, formNo),
            new(FieldKeys.CustomerName, customer.Name),
            new(FieldKeys.CustomerNo, customer.CustomerNo),
            new(FieldKeys.Gender, GenderText.Code(customer.Gender)),
            new(FieldKeys.DateOfBirth, DateStyles.Iso(customer.BirthDate)),
            new(FieldKeys.IdNumber, customer.IdNumber),
            new(FieldKeys.Phone, customer.Mobile),
            new(FieldKeys.Email, customer.Email),
            new(FieldKeys.Address, customer.Address.Full),
            new(FieldKeys.DocumentDate, DateStyles.Iso(date)),
        ];

        TableCell Value(string text) => new(text, s.ZhHand);
    }
}
