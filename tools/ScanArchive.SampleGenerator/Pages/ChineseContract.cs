using ScanArchive.SampleGenerator.Data;
using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Rendering;
using SkiaSharp;
using static ScanArchive.SampleGenerator.Rendering.PageCanvas;

namespace ScanArchive.SampleGenerator.Pages;

/// <summary>Service contract (合同) page with running text, the amount in figures and 大写, and a red company seal over the signature block.</summary>
internal sealed class ChineseContract : IDocumentTemplate
{
    public string DocType => "contract";

    public string Language => "zh";

    public IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles s)
    {
        var r = page.Random;
        var company = r.Pick(Companies.ChineseFirms);
        var customer = ChineseCustomers.Create(r);
        var date = r.DateBetween(new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 20));
        var contractNo = $"HT-{date:yyyy}-{r.Next(1, 10000):D4}";
        var amount = Money.ContractSum(r);
        var until = date.AddMonths(r.Next(3, 13));
        var phone = PhoneNumbers.FormatMobile(customer.Mobile, r);
        var representative = r.Pick(Companies.ChineseStaff);

        float left = Mm(22), right = Mm(188), center = page.Width / 2;
        page.Row(Mm(28)).Text("文档数字化服务合同", center, Mm(32), s.ZhCompany.WithSize(22), SKTextAlign.Center);
        page.Row(Mm(44)).Text($"合同编号：{contractNo}", right, Mm(46), s.ZhLabel, SKTextAlign.Right);

        var body = s.ZhBody;
        var lineHeight = body.SizePx * 1.75f;
        var y = Mm(60);
        string[] parties =
        [
            $"甲方（服务方）：{company}",
            $"乙方（委托方）：{customer.Name}",
            $"身份证号码：{customer.IdNumber}",
            $"联系电话：{phone}",
            $"联系地址：{customer.Address.Full}",
        ];
        foreach (var line in parties)
        {
            page.Row(y).Text(line, left, y, body);
            y += lineHeight;
        }

        y += Mm(3);
        string[] clauses =
        [
            "甲乙双方本着平等自愿、诚实信用的原则，经友好协商，就甲方为乙方提供文档数字化服务事宜达成如下协议：",
            "第一条 服务内容：甲方负责将乙方提供的纸质档案进行扫描、文字识别及电子归档，并按约定格式交付电子文件。",
            $"第二条 服务费用：本合同服务费用总计人民币¥{Money.Grouped(amount)}元（大写：人民币{ChineseAmountWords.Convert(amount)}），乙方应于合同签订之日起五个工作日内一次性支付。",
            $"第三条 服务期限：自{DateStyles.ChineseLong(date)}起至{DateStyles.ChineseLong(until)}止。",
            "第四条 保密条款：甲方对乙方档案中的个人信息负有保密义务，未经乙方书面同意不得向任何第三方披露。",
            "第五条 本合同一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。",
        ];
        foreach (var clause in clauses)
        {
            y = page.Paragraph(clause, left, y, right - left, body, 1.75f) + Mm(2);
        }

        var signTop = y + Mm(18);
        var rightColumn = center + Mm(8);
        page.Row(signTop)
            .Text($"甲方（盖章）：{company}", left, signTop, body)
            .Text("乙方（签字）：", rightColumn, signTop, body)
            .Text(customer.Name, rightColumn + Measure("乙方（签字）：", body) + Mm(2), signTop, s.ZhHand.WithSize(18) with { Color = TextStyle.BlackPen });
        var secondLine = signTop + Mm(14);
        page.Row(secondLine)
            .Text("授权代表：", left, secondLine, body)
            .Text(representative, left + Measure("授权代表：", body) + Mm(2), secondLine, s.ZhHand.WithSize(16) with { Color = TextStyle.BlackPen });
        var dateLine = secondLine + Mm(14);
        var signedDate = $"签订日期：{DateStyles.ChineseLong(date)}";
        page.Row(dateLine).Text(signedDate, left, dateLine, body).Text(signedDate, rightColumn, dateLine, body);

        // The seal is pressed over the company name and date, as on real contracts.
        CompanySeal.Stamp(page, new SKPoint(left + Mm(48), signTop + Mm(10)), Mm(21), company, "合同专用章", s.ZhBody with { Typeface = s.Fonts.SansScBold });

        return
        [
            new(FieldKeys.DocumentNo, contractNo),
            new(FieldKeys.CompanyName, company),
            new(FieldKeys.CustomerName, customer.Name),
            new(FieldKeys.IdNumber, customer.IdNumber),
            new(FieldKeys.Phone, customer.Mobile),
            new(FieldKeys.Address, customer.Address.Full),
            new(FieldKeys.Amount, Money.Plain(amount)),
            new(FieldKeys.DocumentDate, DateStyles.Iso(date)),
        ];
    }
}
