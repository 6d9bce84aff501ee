using System.Globalization;
using System.Text;
using ScanArchive.SampleGenerator.Data;
using ScanArchive.SampleGenerator.Output;

namespace ScanArchive.SampleGenerator.Variants;

/// <summary>The customer data of one variant page: what is printed and the normalized ground truth.</summary>
internal sealed record VariantContent(
    string Company,
    string Name,
    string DocumentNo,
    string DatePrinted,
    IReadOnlyList<(string Key, string Printed)> Items,
    IReadOnlyList<GroundTruthField> Truth)
{
    public static VariantContent Create(Random r, bool zh)
    {
        var date = r.DateBetween(new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 20));
        string company, name, id, mobile, email, address, customerNo, gender, genderCode;
        DateOnly birth;
        if (zh)
        {
            var c = ChineseCustomers.Create(r);
            company = r.Pick(r.Next(2) == 0 ? Companies.ChineseBanks : Companies.ChineseFirms);
            (name, id, mobile, email, address, customerNo, birth) = (c.Name, c.IdNumber, c.Mobile, c.Email, c.Address.Full, c.CustomerNo, c.BirthDate);
            gender = GenderText.Chinese(c.Gender);
            genderCode = GenderText.Code(c.Gender);
        }
        else
        {
            var c = EnglishCustomers.Create(r);
            company = r.Pick(Companies.EnglishFirms);
            (name, id, mobile, email, address, customerNo, birth) = (c.Name, c.PassportNo, c.Mobile, c.Email, c.Address, c.CustomerNo, c.BirthDate);
            gender = r.Next(2) == 0 ? GenderText.English(c.Gender) : GenderText.Code(c.Gender);
            genderCode = GenderText.Code(c.Gender);
        }

        var documentNo = zh ? DocumentNumbers.Prefixed(r.Pick(new[] { "KF", "XX", "ZL" }), date, r) : $"{r.Pick(new[] { "APP", "CIS", "REF" })}/{date:yyMM}/{r.Digits(5)}";
        var printedDate = zh ? ChineseDate(date, r) : EnglishDate(date, r);
        var printedBirth = zh ? ChineseDate(birth, r) : EnglishDate(birth, r);
        var printedMobile = PhoneNumbers.FormatMobile(mobile, r);
        var items = new List<(string, string)>
        {
            (FieldKeys.CustomerName, name),
            (FieldKeys.CustomerNo, customerNo),
            (FieldKeys.IdNumber, id),
            (FieldKeys.Phone, printedMobile),
            (FieldKeys.Email, email),
            (FieldKeys.Address, address),
            (FieldKeys.DateOfBirth, printedBirth),
            (FieldKeys.Gender, gender),
        };
        GroundTruthField[] truth =
        [
            new(FieldKeys.CompanyName, company),
            new(FieldKeys.DocumentNo, documentNo),
            new(FieldKeys.DocumentDate, DateStyles.Iso(date)),
            new(FieldKeys.CustomerName, name),
            new(FieldKeys.CustomerNo, customerNo),
            new(FieldKeys.Gender, genderCode),
            new(FieldKeys.DateOfBirth, DateStyles.Iso(birth)),
            new(FieldKeys.IdNumber, id),
            new(FieldKeys.Phone, mobile),
            new(FieldKeys.Email, email),
            new(FieldKeys.Address, address),
        ];
        return new VariantContent(company, name, documentNo, printedDate, items, truth);
    }

    /// <summary>Full-width forms of ASCII letters and digits, as some Chinese printers set numbers.</summary>
    public static string ToFullWidth(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            b.Append(ch is > ' ' and <= '~' ? (char)(ch + 0xFEE0) : ch);
        }

        return b.ToString();
    }

    private static string ChineseDate(DateOnly d, Random r) => r.Next(5) switch
    {
        0 => DateStyles.ChineseLong(d),
        1 => DateStyles.ChinesePadded(d),
        2 => DateStyles.Dotted(d),
        3 => d.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
        _ => DateStyles.Iso(d),
    };

    private static string EnglishDate(DateOnly d, Random r) => r.Next(5) switch
    {
        0 => DateStyles.DayMonthYear(d),
        1 => DateStyles.EnglishLong(d),
        2 => d.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
        3 => d.ToString("dd-MMM-yyyy", CultureInfo.InvariantCulture),
        _ => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };
}
