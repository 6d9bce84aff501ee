using ScanArchive.SampleGenerator.Data;
using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Rendering;
using SkiaSharp;
using static ScanArchive.SampleGenerator.Rendering.PageCanvas;

namespace ScanArchive.SampleGenerator.Pages;

/// <summary>
/// 客户登记表 with a boxed layout: each box has a small caption above the handwritten value, so the
/// captions of a row read as one line and the values as the next.
/// </summary>
internal sealed class ChineseCustomerRegistrationForm : IDocumentTemplate
{
    private static readonly string[] Notes = ["偏好电话联系，工作日下午方便", "老客户推荐，已核对身份证原件", "需开具电子发票，邮件发送", "首次登记，资料齐全"];
    private static readonly string[] Occupations = ["工程师", "教师", "会计", "医生", "律师", "个体经营"];

    public string DocType => "customer_registration";

    public string Language => "zh";

    public IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles s)
    {
        var r = page.Random;
        var company = r.Pick(Companies.ChineseFirms);
        var customer = ChineseCustomers.Create(r);
        var date = r.DateBetween(new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 20));
        var registrationNo = DocumentNumbers.Prefixed("DJ", date, r);
        var phone = PhoneNumbers.FormatMobile(customer.Mobile, r);

        float left = Mm(20), right = Mm(190), center = page.Width / 2;
        page.Row(Mm(24)).Text(company, center, Mm(28), s.ZhCompany.WithSize(17), SKTextAlign.Center);
        page.Row(Mm(38)).Text("客户登记表", center, Mm(44), s.ZhTitle.WithSize(22), SKTextAlign.Center);
        page.Line(center - Mm(30), Mm(47), center + Mm(30), Mm(47), 4f);
        var metaBaseline = Mm(60);
        page.Row(metaBaseline)
            .Text($"登记编号：{registrationNo}", left, metaBaseline, s.ZhLabel)
            .Text("登记日期：", Mm(128), metaBaseline, s.ZhLabel)
            .Text(DateStyles.Dotted(date), Mm(128) + Measure("登记日期：", s.ZhLabel) + Mm(1), metaBaseline, s.ZhHand);

        var y = Mm(66);
        var half = (right - left) / 2;
        y = BoxRow(page, s, y, left, [(half, "客户姓名", customer.Name), (half, "客户编号", customer.CustomerNo)]);
        y = BoxRow(page, s, y, left, [(half / 2, "性别", GenderText.Chinese(customer.Gender)), (half / 2, "民族", customer.Ethnicity), (half, "出生日期", DateStyles.Iso(customer.BirthDate))]);
        y = BoxRow(page, s, y, left, [(half, "身份证号码", customer.IdNumber), (half, "联系电话", phone)]);
        y = BoxRow(page, s, y, left, [(half, "电子邮箱", customer.Email), (half, "职业", r.Pick(Occupations))]);
        y = BoxRow(page, s, y, left, [(right - left, "联系地址", customer.Address.Full)]);
        y = BoxRow(page, s, y, left, [(right - left, "备注", r.Pick(Notes))]);
        page.Rect(new SKRect(left, Mm(66), right, y), 6f);

        var signBaseline = y + Mm(22);
        page.Row(signBaseline)
            .Text("客户签字：", left, signBaseline, s.ZhLabel)
            .Text(customer.Name, left + Measure("客户签字：", s.ZhLabel) + Mm(3), signBaseline, s.ZhHand.WithSize(18))
            .Text("经办人：", Mm(128), signBaseline, s.ZhLabel)
            .Text(r.Pick(Companies.ChineseStaff), Mm(128) + Measure("经办人：", s.ZhLabel) + Mm(3), signBaseline, s.ZhHand);

        return
        [
            new(FieldKeys.CompanyName, company),
            new(FieldKeys.DocumentNo, registrationNo),
            new(FieldKeys.DocumentDate, DateStyles.Iso(date)),
            new(FieldKeys.CustomerName, customer.Name),
            new(FieldKeys.CustomerNo, customer.CustomerNo),
            new(FieldKeys.Gender, GenderText.Code(customer.Gender)),
            new(FieldKeys.DateOfBirth, DateStyles.Iso(customer.BirthDate)),
            new(FieldKeys.IdNumber, customer.IdNumber),
            new(FieldKeys.Phone, customer.Mobile),
            new(FieldKeys.Email, customer.Email),
            new(FieldKeys.Address, customer.Address.Full),
        ];
    }

    /// <summary>Draws one row of caption-over-value boxes; returns the row's bottom.</summary>
    private static float BoxRow(PageCanvas page, PageStyles s, float top, float left, (float Width, string Caption, string Value)[] boxes)
    {
        var height = Mm(21);
        var captionBaseline = top + Mm(6);
        var valueBaseline = top + Mm(16);
        var captions = page.Row(captionBaseline);
        var values = page.Row(valueBaseline);
        var x = left;
        foreach (var (width, caption, value) in boxes)
        {
            page.Rect(new SKRect(x, top, x + width, top + height), 3f);
            captions.Text(caption, x + Mm(2.5), captionBaseline, s.ZhSmall);
            if (Measure(value, s.ZhHand) > width - Mm(10))
            {
                throw new InvalidOperationException($"'{value}' does not fit its box.");
            }

            values.Text(value, x + Mm(6), valueBaseline, s.ZhHand);
            x += width;
        }

        return top + height;
    }
}
