using ScanArchive.Core.Analysis;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction.Tests;

/// <summary>大写 read through OCR look-alikes, and the digits/大写 cross-check that picks or corrects the amount.</summary>
public class WrittenAmountTests
{
    private static readonly FieldExtractor Extractor = new();

    private static Dictionary<string, ExtractedField> Fields(OcrPage page) =>
        Extractor.Extract([page]).Fields.ToDictionary(f => f.Key);

    [Theory]
    [InlineData("叁万柒仟肆佰捌拾元整", "37480.00", false)]
    [InlineData("壹万零伍佰叁拾捌元玖角伍分", "10538.95", false)]
    [InlineData("叁万染仟肆佰捌拾元整", "37480.00", true)]
    [InlineData("伍伯元整", "500.00", true)]
    [InlineData("肄拾元整", "40.00", true)]
    [InlineData("壹仟武佰元整", "1200.00", true)]
    [InlineData("人民币叁万染仟肆佰捌拾元整)", "37480.00", true)]
    public void Look_alikes_between_numerals_are_read_as_numerals_and_say_so(string text, string expected, bool corrected)
    {
        var found = Assert.Single(ChineseAmount.FindTolerant(text));
        Assert.Equal(expected, AmountNormalizer.Format(found.Amount));
        Assert.Equal(corrected, found.Corrected);
    }

    [Theory]
    [InlineData("染色工艺")]
    [InlineData("伯父什么")]
    [InlineData("武汉市园区")]
    public void Look_alikes_away_from_numerals_stay_as_they_are(string text)
    {
        Assert.Equal(text, ChineseAmount.FixLookAlikes(text));
        Assert.Empty(ChineseAmount.FindTolerant(text));
    }

    [Theory]
    [InlineData("837480.00", "37480.00", true)]
    [InlineData("437480.00", "37480.00", true)]
    [InlineData("37480.00", "37480.00", false)]
    [InlineData("847480.00", "37480.00", false)]
    [InlineData("7480.00", "37480.00", false)]
    [InlineData("374800.00", "37480.00", false)]
    [InlineData("80.50", "0.50", false)]
    public void A_currency_sign_read_as_a_leading_digit_is_recognised(string read, string expected, bool misread)
    {
        Assert.Equal(misread, AmountNormalizer.IsCurrencySignMisread(decimal.Parse(read, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("合计")]
    [InlineData("Total")]
    [InlineData("总计")]
    public void The_amount_the_大写_confirms_wins_over_a_subtotal_printed_with_a_total_label(string subtotalLabel)
    {
        var fields = Fields(new SyntheticPage()
            .Row(1307, (208, subtotalLabel), (1390, "¥9,326.50"), (1900, "¥1,212.45"))
            .Row(1427, (208, "价税合计(大写)"), (800, "壹万零伍佰叁拾捌元玖角伍分"), (1630, "(小写)"), (1785, "¥10,538.95"))
            .Build());
        Assert.Equal("10538.95", fields[FieldKeys.Amount].Value);
        Assert.Equal(FieldValidation.Valid, fields[FieldKeys.Amount].Validation);
    }

    [Theory]
    [InlineData("叁万柒仟肆佰捌拾元整)", null)]
    [InlineData("叁万染仟肆佰捌拾元整)", null)]
    [InlineData("叁万柒仟肆佰捌", "拾元整),乙方应于合同签订之日起五个工作日内一次性支付。")]
    [InlineData("叁万染仟肆佰捌", "拾元整),乙方应于合同签订之日起五个工作日内一次性支付。")]
    public void A_currency_sign_read_as_a_digit_is_corrected_by_the_大写(string wordsOnRow, string? nextRow)
    {
        var page = new SyntheticPage().Row(1501, (208, "第二条服务费用:"), (640, "本合同服务费用总计人民币837,480.00元(大写:"), (1500, "人民币" + wordsOnRow));
        if (nextRow is not null)
        {
            page.Row(1585, (208, nextRow));
        }

        var amount = Fields(page.Build())[FieldKeys.Amount];
        Assert.Equal("37480.00", amount.Value);
        Assert.Equal(FieldValidation.Corrected, amount.Validation);
        Assert.Contains("837,480.00", amount.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void A_大写_read_only_through_a_look_alike_neither_stands_in_nor_contradicts()
    {
        var alone = Fields(new SyntheticPage().Row(1427, (208, "价税合计(大写)"), (800, "叁万染仟肆佰捌拾元整")).Build());
        Assert.False(alone.ContainsKey(FieldKeys.Amount));

        var disagreeing = Fields(new SyntheticPage()
            .Row(1300, (208, "价税合计"), (800, "¥5,000.00"))
            .Row(1427, (208, "大写"), (800, "叁万染仟肆佰捌拾元整"))
            .Build());
        Assert.Equal("5000.00", disagreeing[FieldKeys.Amount].Value);
        Assert.NotEqual(FieldValidation.Conflict, disagreeing[FieldKeys.Amount].Validation);
    }
}

/// <summary>Values run on after their label without a colon, second readings of a name, and addresses inside sentences.</summary>
public class ReadingRuleTests
{
    private static readonly FieldExtractor Extractor = new();

    private static Dictionary<string, ExtractedField> Fields(OcrPage page) =>
        Extractor.Extract([page]).Fields.ToDictionary(f => f.Key);

    [Theory]
    [InlineData("姓名 何斌建", "customer_name", "何斌建")]
    [InlineData("姓名 “ 何斌建", "customer_name", "何斌建")]
    [InlineData("客户姓名 欧阳娜娜", "customer_name", "欧阳娜娜")]
    [InlineData("住址 ”浙江省杭州市西湖区人民路80号", "address", "浙江省杭州市西湖区人民路80号")]
    [InlineData("联系地址 北京市海淀区青年路177号2栋2204室", "address", "北京市海淀区青年路177号2栋2204室")]
    public void A_name_or_address_right_after_its_label_in_one_cell_is_taken_when_it_proves_itself(string cell, string key, string expected)
    {
        Assert.Equal(expected, Fields(new SyntheticPage().Row(900, (680, cell)).Build())[key].Value);
    }

    [Theory]
    [InlineData("Name REGISTRATION FORM", "customer_name")]
    [InlineData("客户姓名 填写说明", "customer_name")]
    [InlineData("住址 请填写常住地址", "address")]
    [InlineData("住址 浙江省杭州市西湖区", "address")]
    public void Text_after_a_label_without_a_colon_that_proves_nothing_is_no_value(string cell, string key)
    {
        Assert.False(Fields(new SyntheticPage().Row(900, (680, cell)).Build()).ContainsKey(key));
    }

    [Fact]
    public void An_address_that_wraps_after_its_label_is_read_whole()
    {
        var fields = Fields(new SyntheticPage()
            .Row(848, (677, "住址 浙江省杭州市西湖区人"))
            .Row(924, (782, "民路80号"))
            .Build());
        Assert.Equal("浙江省杭州市西湖区人民路80号", fields[FieldKeys.Address].Value);
    }

    [Theory]
    [InlineData("郭守", new[] { 0.96, 0.85 }, "郭宇", new[] { 0.97, 0.93 }, "郭宇")]
    [InlineData("郭守", new[] { 0.96, 0.93 }, "郭宇", new[] { 0.97, 0.85 }, null)]
    [InlineData("郭守", new[] { 0.96, 0.90 }, "郭宇", new[] { 0.97, 0.92 }, null)]
    [InlineData("王小明", new[] { 0.9, 0.6, 0.6 }, "王大朋", new[] { 0.9, 0.95, 0.95 }, null)]
    [InlineData("王明", new[] { 0.9, 0.6 }, "王小明", new[] { 0.9, 0.95, 0.95 }, null)]
    [InlineData("Li Na", new[] { 0.9, 0.6, 0.6, 0.6, 0.6 }, "Li Wa", new[] { 0.9, 0.9, 0.9, 0.9, 0.9 }, null)]
    public void Two_readings_one_character_apart_keep_the_surer_character(string chosen, double[] chosenConfidence, string other, double[] otherConfidence, string? expected)
    {
        var a = chosen.Select((c, i) => (c, chosenConfidence[i])).ToList();
        var b = other.Select((c, i) => (c, otherConfidence[i])).ToList();
        Assert.Equal(expected, PersonNames.Reconcile(a, b));
    }

    [Fact]
    public void The_signature_corrects_one_character_of_the_name_field_the_engine_was_unsure_of()
    {
        static OcrLine Line(int y, params (int X, string Text, float Confidence)[] words)
        {
            var ocr = words.Select(w => new OcrWord(w.Text, new PixelBox(w.X, y, SyntheticPage.TextWidth(w.Text), SyntheticPage.CharHeight), w.Confidence)).ToList();
            return new OcrLine(string.Join(' ', ocr.Select(w => w.Text)), ocr.Aggregate(default(PixelBox), (acc, w) => acc.Union(w.Box)), ocr);
        }

        var page = new SyntheticPage()
            .Add(Line(277, (100, "客户姓名", 95), (500, "郭", 96), (540, "守", 84)))
            .Add(Line(636, (100, "客户签名", 95), (500, "郭", 97), (540, "宇", 93)))
            .Build();
        var name = Fields(page)[FieldKeys.CustomerName];
        Assert.Equal("郭宇", name.Value);
        Assert.Equal("客户姓名", name.Label);
        Assert.Equal(FieldValidation.Unchecked, name.Validation);
    }

    [Fact]
    public void An_address_inside_a_sentence_is_found_from_its_postcode_back_to_its_first_number()
    {
        var fields = Fields(new SyntheticPage()
            .Row(723, (208, "Services Ltd. (the \"Provider\") and Andrew Parker, passport number E54146402,"))
            .Row(797, (208, "customer number KH20264693, of Room 1402, 189 Jianguo Road, Chaoyang"))
            .Row(870, (208, "District, Beijing 100022 (the \"Customer\")."))
            .Build());
        Assert.Equal("Room 1402, 189 Jianguo Road, Chaoyang District, Beijing 100022", fields[FieldKeys.Address].Value);
        Assert.Equal(FieldSource.Shape, fields[FieldKeys.Address].Source);
    }

    [Theory]
    [InlineData("The order 100022 was shipped to the customer on time and in full, as agreed.")]
    [InlineData("Please quote Reference Number 100022 in all letters you send to our office.")]
    public void A_five_digit_number_in_a_sentence_without_a_street_is_no_address(string sentence)
    {
        Assert.False(Fields(new SyntheticPage().Row(900, (208, sentence)).Build()).ContainsKey(FieldKeys.Address));
    }
}

/// <summary>Receipt totals: what was paid (tendered minus change) as a cross-check, and where the payable total stands.</summary>
public class ReceiptPaymentTests
{
    private static readonly FieldExtractor Extractor = new();

    private static ExtractedField? Amount(SyntheticPage page) =>
        Extractor.Extract([page.Build()]).Fields.FirstOrDefault(f => f.Key == FieldKeys.Amount);

    [Theory]
    [InlineData("35.00", 50f, "50.00", "14.20", "35.80", FieldValidation.Corrected)]
    [InlineData("35.00", 95f, "50.00", "14.20", "35.00", FieldValidation.Valid)]
    [InlineData("35.80", 90f, "50.00", "14.20", "35.80", FieldValidation.Valid)]
    [InlineData("16.00", 50f, "50.00", "31.20", "16.00", FieldValidation.Valid)]
    public void The_total_is_checked_against_cash_minus_change(string total, float totalConfidence, string cash, string change, string expected, FieldValidation validation)
    {
        var words = new List<OcrWord> { new("TOTAL", new PixelBox(60, 1400, 110, 40), 92), new(total, new PixelBox(700, 1400, 110, 40), totalConfidence) };
        var amount = Amount(new SyntheticPage(1000, 2000)
            .Add(new OcrLine("TOTAL " + total, new PixelBox(60, 1400, 750, 40), words))
            .Row(1500, (60, "CASH"), (700, cash))
            .Row(1560, (60, "CHANGE"), (700, change)));
        Assert.NotNull(amount);
        Assert.Equal(expected, amount.Value);
        Assert.Equal(validation, amount.Validation);
    }

    [Theory]
    [InlineData("SUB TOTAL (Inc GST)")]
    [InlineData("")]
    public void A_figure_equal_to_what_was_paid_wins_when_the_total_label_is_garbled(string label)
    {
        var page = new SyntheticPage(1000, 2000)
            .Row(1300, (60, "TOTAL EXCL.GST"), (700, "28.11"))
            .Row(1350, (60, "GST @ 6%"), (700, "1.69"));
        if (label.Length > 0)
        {
            page.Row(1400, (60, label), (700, "29.80"));
        }
        else
        {
            page.Row(1400, (700, "29.80"));
        }

        page.Row(1500, (60, "CASH"), (700, "50.00")).Row(1560, (60, "CHANGE"), (700, "20.20"));
        Assert.Equal("29.80", Amount(page)?.Value);
    }

    [Fact]
    public void A_tax_summary_total_after_the_payment_lines_loses_to_the_total_before_them()
    {
        var amount = Amount(new SyntheticPage(1000, 2000)
            .Row(1168, (60, "TOTAL"), (400, ":"), (700, "27.55"))
            .Row(1227, (60, "CASH"), (700, "27.85"))
            .Row(1610, (60, "TAX CODE"), (500, "AMOUNT"), (750, "TAX"))
            .Row(1819, (60, "TOTAL:"), (500, "26.00"), (750, "1.56")));
        Assert.Equal("27.55", amount?.Value);
    }

    [Theory]
    [InlineData("TOTAL", ":", "27.55", "27.55")]
    [InlineData("Total", ":", "RM 12.90", "12.90")]
    public void A_colon_printed_apart_from_its_label_is_skipped(string label, string colon, string value, string expected)
    {
        var amount = Amount(new SyntheticPage(1000, 2000).Row(1168, (60, label), (400, colon), (700, value)));
        Assert.Equal(expected, amount?.Value);
    }

    [Theory]
    [InlineData("35.00", "35.80", true)]
    [InlineData("16.00", "18.80", false)]
    [InlineData("35.80", "35.80", false)]
    [InlineData("135.80", "35.80", false)]
    [InlineData("35.80", "35,80", false)]
    public void One_misread_digit_apart(string a, string b, bool expected)
    {
        Assert.Equal(expected, AmountNormalizer.DiffersInOneCharacter(a, b));
    }
}
