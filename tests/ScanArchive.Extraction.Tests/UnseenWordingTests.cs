using ScanArchive.Core.Analysis;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction.Tests;

/// <summary>
/// Labels the dictionary does not list, understood by their head words (labelHeads in Data/labels.json), in the
/// layouts forms use: value to the right, in the next cell, under a header row, after a full-width colon.
/// </summary>
public class UnseenWordingTests
{
    private static readonly FieldExtractor Extractor = new();

    private static Dictionary<string, ExtractedField> Fields(OcrPage page) =>
        Extractor.Extract([page]).Fields.ToDictionary(f => f.Key);

    [Theory]
    [InlineData("借款人姓名", "customer_name")]
    [InlineData("Name of applicant", "customer_name")]
    [InlineData("Customer's name", "customer_name")]
    [InlineData("现居住地址", "address")]
    [InlineData("Postal address", "address")]
    [InlineData("Home phone", "phone")]
    [InlineData("常用手机", "phone")]
    [InlineData("电子信箱", "email")]
    [InlineData("Contact e-mail", "email")]
    [InlineData("Born on", "date_of_birth")]
    [InlineData("出生时间", "date_of_birth")]
    [InlineData("Date signed", "document_date")]
    [InlineData("填写日期", "document_date")]
    [InlineData("Client number", "customer_no")]
    [InlineData("会员卡号", "customer_no")]
    [InlineData("National ID No.", "id_number")]
    [InlineData("身份证件号码", "id_number")]
    [InlineData("Our reference", "document_no")]
    [InlineData("表单编号", "document_no")]
    public void An_unlisted_label_is_understood_by_its_head_words(string label, string key)
    {
        // The point of the test: these wordings are not in the label list, only their words are.
        Assert.Null(ExtractionDictionary.Default.FindLabel(HalfWidth.LabelKey(label)));
        Assert.Equal(key, ExtractionDictionary.Default.FindLabelByHead(label)?.Key);
    }

    [Theory]
    [InlineData("紧急联系人姓名")]
    [InlineData("经办人姓名")]
    [InlineData("Emergency contact name")]
    [InlineData("Applicant's signature")]
    [InlineData("单位地址")]
    [InlineData("Company address")]
    public void Labels_of_other_people_or_places_are_no_customer_field(string label)
    {
        var entry = ExtractionDictionary.Default.FindLabelByHead(label);
        Assert.NotNull(entry);
        Assert.Null(entry.Key);
    }

    [Theory]
    [InlineData("姓名何斌建")]
    [InlineData("东升村镇银行")]
    [InlineData("zhang.wei@mailbox.com")]
    [InlineData("Room 1402, 189 Jianguo Road")]
    public void Values_are_no_head_word_labels(string text) =>
        Assert.Null(ExtractionDictionary.Default.FindLabelByHead(text));

    [Fact]
    public void Values_are_found_in_the_next_cell_of_a_two_column_form_with_unseen_wordings()
    {
        var page = new SyntheticPage()
            .Row(800, (250, "Name of applicant"), (750, "Grace Morgan"), (1300, "Cell phone"), (1750, "139 2018 7731"))
            .Row(950, (250, "Birth date"), (750, "14 Feb 1988"), (1300, "Client number"), (1750, "KH20264417"))
            .Row(1100, (250, "Postal address"), (750, "Room 1208, 66 Keyuan Road, Nanshan District, Shenzhen 518057"))
            .Build();
        var fields = Fields(page);
        Assert.Equal("Grace Morgan", fields[FieldKeys.CustomerName].Value);
        Assert.Equal("13920187731", fields[FieldKeys.Phone].Value);
        Assert.Equal("1988-02-14", fields[FieldKeys.DateOfBirth].Value);
        Assert.Equal("KH20264417", fields[FieldKeys.CustomerNo].Value);
        Assert.Equal("Room 1208, 66 Keyuan Road, Nanshan District, Shenzhen 518057", fields[FieldKeys.Address].Value);
        Assert.Equal("Name of applicant", fields[FieldKeys.CustomerName].Label);
    }

    [Fact]
    public void Values_under_a_header_row_of_unseen_labels_are_found_by_column()
    {
        var page = new SyntheticPage()
            .Row(800, (250, "借款人姓名"), (1000, "常用手机"), (1700, "出生年月日"))
            .Row(950, (250, "罗伟"), (1000, "186-0517-2290"), (1700, "1979.06.30"))
            .Row(1100, (250, "现居住地址"))
            .Row(1250, (250, "四川省成都市武侯区学院路18号"))
            .Build();
        var fields = Fields(page);
        Assert.Equal("罗伟", fields[FieldKeys.CustomerName].Value);
        Assert.Equal("18605172290", fields[FieldKeys.Phone].Value);
        Assert.Equal("1979-06-30", fields[FieldKeys.DateOfBirth].Value);
        Assert.Equal("四川省成都市武侯区学院路18号", fields[FieldKeys.Address].Value);
    }

    [Theory]
    [InlineData("会员卡号：KH20260042", FieldKeys.CustomerNo, "KH20260042")]
    [InlineData("会员卡号:KH20260042", FieldKeys.CustomerNo, "KH20260042")]
    [InlineData("电子信箱： luo_wei@126.com", FieldKeys.Email, "luo_wei@126.com")]
    [InlineData("Ｈｏｍｅ ｐｈｏｎｅ： １３８ ００１３ ８０００", FieldKeys.Phone, "13800138000")]
    public void Full_and_half_width_colons_and_letters_end_an_unseen_label(string text, string key, string expected) =>
        Assert.Equal(expected, Fields(new SyntheticPage().Row(1000, (250, text)).Build())[key].Value);

    [Fact]
    public void A_name_under_an_excluded_label_does_not_become_the_customer()
    {
        var page = new SyntheticPage()
            .Row(800, (250, "借款人姓名"), (750, "周静"))
            .Row(950, (250, "紧急联系人姓名"), (750, "王磊"))
            .Build();
        Assert.Equal("周静", Fields(page)[FieldKeys.CustomerName].Value);

        var onlyContact = new SyntheticPage().Row(950, (250, "紧急联系人姓名"), (750, "王磊")).Build();
        Assert.False(Fields(onlyContact).TryGetValue(FieldKeys.CustomerName, out var name) && name.Value == "王磊");
    }
}

/// <summary>Receipt totals and company names through OCR damage (SROIE-like cases).</summary>
public class ReceiptRecoveryTests
{
    private static readonly FieldExtractor Extractor = new();

    private static Dictionary<string, ExtractedField> Fields(SyntheticPage page) =>
        Extractor.Extract([page.Build()]).Fields.ToDictionary(f => f.Key);

    [Fact]
    public void An_unreadable_total_is_the_largest_amount_just_above_its_label()
    {
        var fields = Fields(new SyntheticPage(1000, 2000)
            .Row(1050, (60, "Gross Amount :"), (700, "40.00"))
            .Row(1090, (60, "Total GST Amt :"), (700, "2.40"))
            .Row(1130, (60, "Sub Total"), (450, "3"), (700, "42,40"))
            .Row(1170, (60, "Total (RM):"), (700, "Cea)"))
            .Row(1300, (60, "Total Item Sold:"), (700, "3")));
        Assert.Equal("42.40", fields[FieldKeys.Amount].Value);
    }

    [Fact]
    public void A_readable_total_is_not_replaced_by_a_larger_amount_nearby()
    {
        var fields = Fields(new SyntheticPage(1000, 2000)
            .Row(1090, (60, "Item"), (700, "88.00"))
            .Row(1130, (60, "Discount"), (700, "-50.00"))
            .Row(1170, (60, "Total (RM):"), (700, "38.00")));
        Assert.Equal("38.00", fields[FieldKeys.Amount].Value);
    }

    [Theory]
    [InlineData("!")]
    [InlineData("|")]
    public void A_speck_between_cash_and_its_amount_does_not_hide_the_payment(string speck)
    {
        var words = new List<OcrWord> { new("TOTAL", new PixelBox(60, 1400, 110, 40), 92), new("76.50", new PixelBox(700, 1400, 110, 40), 50) };
        var fields = Fields(new SyntheticPage(1000, 2000)
            .Add(new OcrLine("TOTAL 76.50", new PixelBox(60, 1400, 750, 40), words))
            .Row(1500, (60, "CASH"), (400, speck), (700, "50.00"))
            .Row(1560, (60, "CHANGE."), (700, "23.50")));
        Assert.Equal("26.50", fields[FieldKeys.Amount].Value);
        Assert.Equal(FieldValidation.Corrected, fields[FieldKeys.Amount].Validation);
    }

    [Theory]
    [InlineData("WAHIN HARDWARE SIN BHD", "WAHIN HARDWARE SDN BHD", FieldValidation.Corrected)]
    [InlineData("WAHIN HARDWARE SDN BHO", "WAHIN HARDWARE SDN BHD", FieldValidation.Corrected)]
    [InlineData("WAHIN HARDWARE SDN BHD", "WAHIN HARDWARE SDN BHD", FieldValidation.Unchecked)]
    public void A_misread_company_suffix_is_read_as_the_suffix(string printed, string expected, FieldValidation validation)
    {
        var company = Fields(new SyntheticPage(730, 1900).Row(90, (150, printed)).Row(170, (180, "425, JALAN PAHANG,")))[FieldKeys.CompanyName];
        Assert.Equal(expected, company.Value);
        Assert.Equal(validation, company.Validation);
    }
}
