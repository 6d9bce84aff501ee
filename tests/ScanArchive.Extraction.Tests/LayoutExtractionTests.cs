using ScanArchive.Core.Analysis;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Extraction.Tests;

public class LabelSynonymTests
{
    private static readonly FieldExtractor Extractor = new();

    private static Dictionary<string, ExtractedField> Fields(OcrPage page) =>
        Extractor.Extract([page]).Fields.ToDictionary(f => f.Key);

    [Theory]
    [InlineData("客户姓名", "张伟", "customer_name", "张伟")]
    [InlineData("姓名", "欧阳娜娜", "customer_name", "欧阳娜娜")]
    [InlineData("户名", "李小明", "customer_name", "李小明")]
    [InlineData("Full Name", "Oliver Cooper", "customer_name", "Oliver Cooper")]
    [InlineData("Name", "Helen Bennett", "customer_name", "Helen Bennett")]
    [InlineData("客户编号", "KH20261234", "customer_no", "KH20261234")]
    [InlineData("Customer No.", "KH20261234", "customer_no", "KH20261234")]
    [InlineData("证件号码", "11010519491231002X", "id_number", "11010519491231002X")]
    [InlineData("身份证号", "110105 19491231 002X", "id_number", "11010519491231002X")]
    [InlineData("公民身份号码", "330106200001178828", "id_number", "330106200001178828")]
    [InlineData("ID No.", "E34983230", "id_number", "E34983230")]
    [InlineData("Passport No.", "E54146402", "id_number", "E54146402")]
    [InlineData("电话", "13812345678", "phone", "13812345678")]
    [InlineData("手机号码", "138 1234 5678", "phone", "13812345678")]
    [InlineData("联系电话", "025-88886666", "phone", "02588886666")]
    [InlineData("Mobile", "178 9660 9191", "phone", "17896609191")]
    [InlineData("Tel", "(010) 2864 9671", "phone", "01028649671")]
    [InlineData("电子邮箱", "he_yan@qq.com", "email", "he_yan@qq.com")]
    [InlineData("E-mail", "ocooper25@proton.me", "email", "ocooper25@proton.me")]
    [InlineData("联系地址", "北京市朝阳区长江路81号15栋2104室", "address", "北京市朝阳区长江路81号15栋2104室")]
    [InlineData("住址", "浙江省杭州市西湖区人民路80号", "address", "浙江省杭州市西湖区人民路80号")]
    [InlineData("Address", "Room 1511, 201 Jianguo Road, Beijing 100022", "address", "Room 1511, 201 Jianguo Road, Beijing 100022")]
    [InlineData("出生日期", "1990年1月2日", "date_of_birth", "1990-01-02")]
    [InlineData("Date of Birth", "02/01/1990", "date_of_birth", "1990-01-02")]
    [InlineData("性别", "男", "gender", "M")]
    [InlineData("Gender", "Female", "gender", "F")]
    [InlineData("申请日期", "2026年4月23日", "document_date", "2026-04-23")]
    [InlineData("开票日期", "2026年10月27日", "document_date", "2026-10-27")]
    [InlineData("Date", "25 March 2026", "document_date", "2026-03-25")]
    [InlineData("单号", "SQ202604237048", "document_no", "SQ202604237048")]
    [InlineData("发票号码", "26445339144177117816", "document_no", "26445339144177117816")]
    [InlineData("Invoice No.", "INV-2026-29533", "document_no", "INV-2026-29533")]
    [InlineData("价税合计", "¥10,538.95", "amount", "10538.95")]
    [InlineData("Total (CNY)", "5,378.80", "amount", "5378.80")]
    [InlineData("销售方名称", "启明数据服务有限公司", "company_name", "启明数据服务有限公司")]
    [InlineData("Seller", "Northbridge Trading Ltd.", "company_name", "Northbridge Trading Ltd.")]
    public void A_label_finds_the_value_to_its_right(string label, string printed, string key, string expected)
    {
        var page = new SyntheticPage().Row(1000, (250, label), (650, printed)).Build();
        var field = Fields(page)[key];
        Assert.Equal(expected, field.Value);
        Assert.Equal(label, field.Label);
        Assert.Equal(FieldSource.Label, field.Source);
        Assert.Equal(1, field.Page);
        Assert.Equal(650, field.Box.X);
    }

    [Theory]
    [InlineData("客户姓名：张伟", "customer_name", "张伟")]
    [InlineData("单号:SQ202604237048", "document_no", "SQ202604237048")]
    [InlineData("联系电话： 132 8890 0817", "phone", "13288900817")]
    [InlineData("Date: 6 April 2026", "document_date", "2026-04-06")]
    [InlineData("身份证号码:44010619840216043X", "id_number", "44010619840216043X")]
    public void A_label_with_a_colon_finds_the_value_after_it_in_the_same_cell(string text, string key, string expected)
    {
        var page = new SyntheticPage().Row(1000, (250, text)).Build();
        Assert.Equal(expected, Fields(page)[key].Value);
    }

    [Fact]
    public void A_short_cell_ending_in_a_known_label_is_that_label_qualified()
    {
        var extraction = Extractor.Extract([new SyntheticPage().Row(1000, (250, "Initiation Date"), (800, "25 March 1982")).Build()]);
        var date = extraction.Fields.Single(f => f.Key == FieldKeys.DocumentDate);
        Assert.Equal("1982-03-25", date.Value);
        Assert.Equal("Initiation Date", date.Label);
        Assert.Equal("Initiation Date", Assert.Single(extraction.Pairs).Label);
    }

    [Fact]
    public void A_label_word_inside_a_value_is_text()
    {
        // 居民身份证 is the value of 证件类型, not a label 身份证 for the ID number.
        var extraction = Extractor.Extract([new SyntheticPage()
            .Row(1170, (257, "证件类型"), (614, "居民身份证"), (1261, "证件号码"), (1621, "11010519491231002X"))
            .Build()]);
        Assert.Equal("居民身份证", extraction.Pairs.Single(p => p.Label == "证件类型").Value);
        Assert.Equal("11010519491231002X", extraction.Fields.Single(f => f.Key == FieldKeys.IdNumber).Value);
        Assert.Equal("证件号码", extraction.Fields.Single(f => f.Key == FieldKeys.IdNumber).Label);
    }

    [Fact]
    public void Every_canonical_field_has_chinese_and_english_labels_in_the_data_file()
    {
        foreach (var key in FieldKeys.All)
        {
            var labels = ExtractionDictionary.Default.LabelsOf(key);
            Assert.Contains(labels, l => l.Any(c => c is >= '\u4E00' and <= '\u9FFF'));
            Assert.Contains(labels, l => l.Any(char.IsAsciiLetter));
        }
    }

    [Fact]
    public void A_label_inside_running_text_counts_only_for_a_value_a_validator_proves()
    {
        var page = new SyntheticPage()
            .Row(800, (250, "and Andrew Parker, passport number E54146402, customer number KH20264693, of"))
            .Row(900, (250, "the Customer shall pay the fee by the date of this agreement."))
            .Build();
        var fields = Fields(page);
        Assert.Equal("E54146402", fields[FieldKeys.IdNumber].Value);
        Assert.Equal("KH20264693", fields[FieldKeys.CustomerNo].Value);
        Assert.False(fields.ContainsKey(FieldKeys.CustomerName));
        Assert.False(fields.ContainsKey(FieldKeys.DocumentDate));
    }
}

public class TableLayoutTests
{
    private static readonly FieldExtractor Extractor = new();

    private static Dictionary<string, ExtractedField> Fields(OcrPage page) =>
        Extractor.Extract([page]).Fields.ToDictionary(f => f.Key);

    [Fact]
    public void Two_label_value_pairs_in_one_row_each_take_their_own_value()
    {
        var page = new SyntheticPage()
            .Row(850, (250, "客户姓名"), (610, "马鹏志"), (1260, "客户编号"), (1610, "KH20269346"))
            .Row(1000, (250, "性别"), (610, "男"), (1260, "出生日期"), (1610, "1960年9月13日"))
            .Build();
        var fields = Fields(page);
        Assert.Equal("马鹏志", fields[FieldKeys.CustomerName].Value);
        Assert.Equal("KH20269346", fields[FieldKeys.CustomerNo].Value);
        Assert.Equal("M", fields[FieldKeys.Gender].Value);
        Assert.Equal("1960-09-13", fields[FieldKeys.DateOfBirth].Value);
    }

    [Fact]
    public void Ruled_table_cells_are_separated_by_their_rules_even_when_close()
    {
        // | 姓名 | 张伟 | 电话 | 13812345678 |, cells closer than a label-value gap, with the rules read as '|'.
        var page = new SyntheticPage()
            .Row(900, (200, "| 姓名 |"), (370, "张伟 |"), (500, "电话 |"), (630, "13812345678 |"))
            .Build();
        var fields = Fields(page);
        Assert.Equal("张伟", fields[FieldKeys.CustomerName].Value);
        Assert.Equal("13812345678", fields[FieldKeys.Phone].Value);
    }

    [Fact]
    public void Captions_above_their_values_read_down_the_column()
    {
        var page = new SyntheticPage()
            .Row(816, (259, "客户姓名"), (1263, "客户编号"))
            .Row(921, (302, "何艳"), (1304, "KH20267139"))
            .Row(1064, (260, "性别"), (764, "民族"), (1267, "出生日期"))
            .Row(1174, (305, "女"), (808, "壮"), (1313, "1967-02-25"))
            .Row(1312, (264, "身份证号码"), (1267, "联系电话"))
            .Row(1417, (311, "110105196702255762"), (1315, "136-9237-1089"))
            .Build();
        var fields = Fields(page);
        Assert.Equal("何艳", fields[FieldKeys.CustomerName].Value);
        Assert.Equal("KH20267139", fields[FieldKeys.CustomerNo].Value);
        Assert.Equal("F", fields[FieldKeys.Gender].Value);
        Assert.Equal("1967-02-25", fields[FieldKeys.DateOfBirth].Value);
        Assert.Equal("110105196702255762", fields[FieldKeys.IdNumber].Value);
        Assert.Equal("13692371089", fields[FieldKeys.Phone].Value);
        Assert.Equal(FieldValidation.Valid, fields[FieldKeys.DateOfBirth].Validation);
    }

    [Fact]
    public void A_table_header_row_gives_its_values_from_the_row_below()
    {
        var page = new SyntheticPage()
            .Row(900, (200, "| 客户姓名 |"), (700, "客户编号 |"), (1200, "联系电话 |"))
            .Row(980, (200, "| 孙梅艳 |"), (700, "KH20261893 |"), (1200, "010-28649671 |"))
            .Build();
        var fields = Fields(page);
        Assert.Equal("孙梅艳", fields[FieldKeys.CustomerName].Value);
        Assert.Equal("KH20261893", fields[FieldKeys.CustomerNo].Value);
        Assert.Equal("01028649671", fields[FieldKeys.Phone].Value);
    }

    [Fact]
    public void Labels_and_values_from_separate_engine_blocks_still_pair_up_by_position()
    {
        // The engine may return the label column first, then the value column (as on the ID card copy).
        var page = new SyntheticPage()
            .Line(676, 485, "姓名").Line(675, 604, "性别").Line(679, 726, "出生")
            .Line(845, 480, "何斌建").Line(845, 606, "男").Line(845, 722, "2002年4月23日")
            .Build();
        var fields = Fields(page);
        Assert.Equal("何斌建", fields[FieldKeys.CustomerName].Value);
        Assert.Equal("M", fields[FieldKeys.Gender].Value);
        Assert.Equal("2002-04-23", fields[FieldKeys.DateOfBirth].Value);
    }

    [Fact]
    public void A_wrapped_address_joins_its_continuation_rows()
    {
        var page = new SyntheticPage()
            .Row(1722, (263, "Address"), (645, "Room 1111, 141 Nanjing West Road, Jing'an District, Shanghai"))
            .Row(1780, (644, "200041"))
            .Row(1951, (264, "Contact by"), (660, "Email"))
            .Build();
        var address = Fields(page)[FieldKeys.Address];
        Assert.Equal("Room 1111, 141 Nanjing West Road, Jing'an District, Shanghai 200041", address.Value);
        Assert.Equal(1820, address.Box.Bottom);
    }

    [Fact]
    public void Values_with_their_own_shape_are_found_without_labels()
    {
        var page = new SyntheticPage()
            .Row(300, (800, "Northbridge Trading Ltd."))
            .Row(600, (250, "Please contact 13812345678 or write to ocooper25@proton.me before 4 July 2026."))
            .Row(700, (250, "Reference 11010519491231002X, your customer file KH20265012."))
            .Row(800, (250, "Amount payable: see below"))
            .Row(900, (1500, "¥1,234.50"))
            .Build();
        var fields = Fields(page);
        Assert.Equal("13812345678", fields[FieldKeys.Phone].Value);
        Assert.Equal("ocooper25@proton.me", fields[FieldKeys.Email].Value);
        Assert.Equal("2026-07-04", fields[FieldKeys.DocumentDate].Value);
        Assert.Equal("11010519491231002X", fields[FieldKeys.IdNumber].Value);
        Assert.Equal("KH20265012", fields[FieldKeys.CustomerNo].Value);
        Assert.Equal("1234.50", fields[FieldKeys.Amount].Value);
        Assert.Equal("Northbridge Trading Ltd.", fields[FieldKeys.CompanyName].Value);
        Assert.All(fields.Values, f => Assert.Equal(FieldSource.Shape, f.Source));
    }

    [Fact]
    public void A_known_non_field_label_keeps_its_value_from_being_taken_by_shape()
    {
        var page = new SyntheticPage()
            .Row(2051, (800, "有效期限"), (1046, "2020.08.08-2030.08.08"))
            .Build();
        Assert.False(Fields(page).ContainsKey(FieldKeys.DocumentDate));
    }

    [Fact]
    public void A_page_read_sideways_is_turned_upright_and_boxes_stay_in_page_pixels()
    {
        // The form of Two_label_value_pairs..., turned a quarter clockwise: text runs down the image.
        var upright = new SyntheticPage()
            .Row(850, (250, "Full Name"), (610, "Laura Carter"), (1260, "Customer No."), (1610, "KH20260982"))
            .Row(1000, (250, "Gender"), (610, "Female"), (1260, "Date of Birth"), (1610, "13/10/1991"))
            .Row(1150, (250, "Mobile"), (610, "158-9920-5310"))
            .Build();
        var turned = new SyntheticPage(upright.Height, upright.Width);
        foreach (var line in upright.Lines)
        {
            var words = line.Words.Select(w => w with { Box = new PixelBox(upright.Height - w.Box.Bottom, w.Box.X, w.Box.Height, w.Box.Width) }).ToList();
            turned.Add(new OcrLine(line.Text, words.Aggregate(default(PixelBox), (a, w) => a.Union(w.Box)), words));
        }

        var fields = Fields(turned.Build());
        Assert.Equal("Laura Carter", fields[FieldKeys.CustomerName].Value);
        Assert.Equal("KH20260982", fields[FieldKeys.CustomerNo].Value);
        Assert.Equal("F", fields[FieldKeys.Gender].Value);
        Assert.Equal("1991-10-13", fields[FieldKeys.DateOfBirth].Value);
        Assert.Equal("15899205310", fields[FieldKeys.Phone].Value);
        var phoneWord = upright.Lines[2].Words[1].Box;
        Assert.Equal(new PixelBox(upright.Height - phoneWord.Bottom, phoneWord.X, phoneWord.Height, phoneWord.Width), fields[FieldKeys.Phone].Box);
    }
}

public class ReceiptTests
{
    [Fact]
    public void A_receipt_gives_shop_address_date_and_the_last_total()
    {
        // A narrow receipt: centred header lines, prices right-aligned far from their labels.
        var page = new SyntheticPage(730, 1900)
            .Row(90, (150, "WAHIN HARDWARE SDN BHD"))
            .Row(130, (280, "148481-U"))
            .Row(170, (180, "425, JALAN PAHANG,"))
            .Row(210, (150, "SETAPAK, 53000 KUALA LUMPUR."))
            .Row(250, (150, "TEL: 603-40232487"))
            .Row(330, (60, "Date : 04/12/17 5:06 PM"))
            .Row(700, (60, "Sub Total"), (600, "40.00"))
            .Row(740, (60, "Total Incl. GST"), (600, "42.40"))
            .Row(780, (60, "Total Rounded"), (600, "42.40"))
            .Row(820, (60, "CASH"), (600, "50.00"))
            .Row(860, (60, "CHANGE"), (600, "7.60"))
            .Build();
        var fields = new FieldExtractor().Extract([page]).Fields.ToDictionary(f => f.Key);
        Assert.Equal("WAHIN HARDWARE SDN BHD", fields[FieldKeys.CompanyName].Value);
        Assert.Equal("425, JALAN PAHANG, SETAPAK, 53000 KUALA LUMPUR.", fields[FieldKeys.Address].Value);
        Assert.Equal("2017-12-04", fields[FieldKeys.DocumentDate].Value);
        Assert.Equal("04/12/17", fields[FieldKeys.DocumentDate].Raw);
        Assert.Equal("42.40", fields[FieldKeys.Amount].Value);
        Assert.Equal("Total Rounded", fields[FieldKeys.Amount].Label);
        Assert.Equal("60340232487", fields[FieldKeys.Phone].Value);
    }
}

public class CrossCheckTests
{
    private static readonly FieldExtractor Extractor = new();

    private static Dictionary<string, ExtractedField> Fields(OcrPage page) =>
        Extractor.Extract([page]).Fields.ToDictionary(f => f.Key);

    [Fact]
    public void Birth_date_and_gender_that_agree_with_the_id_number_are_valid_and_more_confident()
    {
        var agreeing = Fields(new SyntheticPage()
            .Row(900, (250, "性别"), (610, "女"), (1260, "出生日期"), (1610, "1949年12月31日"))
            .Row(1050, (250, "身份证号码"), (610, "11010519491231002X"))
            .Build());
        var alone = Fields(new SyntheticPage()
            .Row(900, (250, "性别"), (610, "女"), (1260, "出生日期"), (1610, "1949年12月31日"))
            .Build());
        Assert.Equal(FieldValidation.Valid, agreeing[FieldKeys.DateOfBirth].Validation);
        Assert.True(agreeing[FieldKeys.DateOfBirth].Confidence > alone[FieldKeys.DateOfBirth].Confidence);
        Assert.True(agreeing[FieldKeys.Gender].Confidence > alone[FieldKeys.Gender].Confidence);
    }

    [Fact]
    public void A_birth_date_that_contradicts_the_id_number_is_flagged_not_replaced()
    {
        var fields = Fields(new SyntheticPage()
            .Row(900, (250, "出生日期"), (610, "1949年12月30日"))
            .Row(1050, (250, "身份证号码"), (610, "11010519491231002X"))
            .Build());
        Assert.Equal("1949-12-30", fields[FieldKeys.DateOfBirth].Value);
        Assert.Equal(FieldValidation.Conflict, fields[FieldKeys.DateOfBirth].Validation);
        Assert.Equal(FieldValidation.Conflict, fields[FieldKeys.IdNumber].Validation);
    }

    [Fact]
    public void An_unreadable_gender_under_its_label_is_taken_from_the_id_number()
    {
        var fields = Fields(new SyntheticPage()
            .Row(900, (250, "性别"), (610, "="), (1260, "身份证号码"), (1610, "330106200001178828"))
            .Build());
        Assert.Equal("F", fields[FieldKeys.Gender].Value);
        Assert.Equal(FieldSource.Derived, fields[FieldKeys.Gender].Source);
        Assert.Equal(fields[FieldKeys.IdNumber].Box, fields[FieldKeys.Gender].Box);
    }

    [Fact]
    public void Birth_date_and_gender_are_not_invented_for_a_form_that_does_not_print_them()
    {
        var fields = Fields(new SyntheticPage().Row(900, (250, "身份证号码:"), (610, "44010619840216043X")).Build());
        Assert.False(fields.ContainsKey(FieldKeys.DateOfBirth));
        Assert.False(fields.ContainsKey(FieldKeys.Gender));
    }

    [Fact]
    public void An_id_number_with_an_OCR_confusion_is_corrected_and_says_so()
    {
        var fields = Fields(new SyntheticPage().Row(900, (250, "证件号码"), (610, "44O10619840216043X")).Build());
        Assert.Equal("44010619840216043X", fields[FieldKeys.IdNumber].Value);
        Assert.Equal("44O10619840216043X", fields[FieldKeys.IdNumber].Raw);
        Assert.Equal(FieldValidation.Corrected, fields[FieldKeys.IdNumber].Validation);
    }

    [Theory]
    [InlineData("¥10,538.95", "壹万零伍佰叁拾捌元玖角伍分", FieldValidation.Valid)]
    [InlineData("¥10,538.95", "壹万零伍佰叁拾玖元玖角伍分", FieldValidation.Conflict)]
    public void The_amount_is_cross_checked_with_the_amount_in_words(string digits, string words, FieldValidation expected)
    {
        var fields = Fields(new SyntheticPage()
            .Row(1427, (208, "价税合计(大写)"), (800, words), (1630, "(小写)"), (1785, digits))
            .Build());
        Assert.Equal("10538.95", fields[FieldKeys.Amount].Value);
        Assert.Equal(expected, fields[FieldKeys.Amount].Validation);
    }

    [Fact]
    public void The_amount_in_words_stands_in_when_the_digits_are_unreadable()
    {
        var fields = Fields(new SyntheticPage().Row(1427, (208, "价税合计(大写)"), (800, "叁万柒仟肆佰捌拾元整")).Build());
        Assert.Equal("37480.00", fields[FieldKeys.Amount].Value);
    }

    [Fact]
    public void Confidence_follows_the_OCR_confidence_of_the_evidence()
    {
        OcrPage Page(float confidence) => new SyntheticPage { Confidence = confidence }.Row(900, (250, "联系电话"), (610, "13812345678")).Build();
        var sure = Fields(Page(95))[FieldKeys.Phone].Confidence;
        var unsure = Fields(Page(45))[FieldKeys.Phone].Confidence;
        Assert.InRange(sure, 0.9, 1.0);
        Assert.True(unsure < sure * 0.6);
    }

    [Fact]
    public void Validation_raises_confidence_over_an_unvalidated_value_at_the_same_OCR_confidence()
    {
        var fields = Fields(new SyntheticPage()
            .Row(900, (250, "证件号码"), (610, "11010519491231002X"))
            .Row(1000, (250, "联系电话"), (610, "7654321"))
            .Build());
        Assert.True(fields[FieldKeys.IdNumber].Confidence > fields[FieldKeys.Phone].Confidence);
        Assert.Equal(FieldValidation.Unchecked, fields[FieldKeys.Phone].Validation);
    }
}

public class PairAndTypeTests
{
    private static readonly FieldExtractor Extractor = new();

    [Fact]
    public void Labels_without_a_dictionary_entry_still_give_pairs()
    {
        var extraction = Extractor.Extract([new SyntheticPage()
            .Row(500, (200, "SUBJECT:"), (600, "25% Replacement of Propylene Glycol"))
            .Row(600, (200, "Reporter/Editor:"), (600, "Fran Brock"))
            .Row(700, (200, "故障描述"), (600, "设备无法连接网络"))
            .Row(800, (200, "服务类型"), (600, "远程支持"))
            .Build()]);
        var pairs = extraction.Pairs.ToDictionary(p => p.Label, p => p.Value);
        Assert.Equal("25% Replacement of Propylene Glycol", pairs["SUBJECT"]);
        Assert.Equal("Fran Brock", pairs["Reporter/Editor"]);
        Assert.Equal("设备无法连接网络", pairs["故障描述"]);
        Assert.Equal("远程支持", pairs["服务类型"]);
    }

    [Fact]
    public void Dictionary_labels_give_pairs_too_with_both_boxes()
    {
        var extraction = Extractor.Extract([new SyntheticPage().Row(900, (250, "客户姓名"), (610, "张伟")).Build()]);
        var pair = Assert.Single(extraction.Pairs);
        Assert.Equal("客户姓名", pair.Label);
        Assert.Equal("张伟", pair.Value);
        Assert.Equal(250, pair.LabelBox.X);
        Assert.Equal(610, pair.ValueBox.X);
    }

    [Theory]
    [InlineData("个人客户开户申请表", "开户类型", DocumentTypes.AccountApplication)]
    [InlineData("客户登记表", "登记编号", DocumentTypes.CustomerRegistration)]
    [InlineData("CUSTOMER REGISTRATION FORM", "Personal Details", DocumentTypes.CustomerRegistration)]
    [InlineData("中华人民共和国 居民身份证", "签发机关", DocumentTypes.IdCard)]
    [InlineData("文档数字化服务合同", "甲方", DocumentTypes.Contract)]
    [InlineData("SERVICE AGREEMENT", "This Agreement", DocumentTypes.Contract)]
    [InlineData("电子发票（普通发票）", "价税合计", DocumentTypes.Invoice)]
    [InlineData("INVOICE", "Subtotal", DocumentTypes.Invoice)]
    [InlineData("客户服务记录单", "故障描述", DocumentTypes.ServiceRecord)]
    [InlineData("SERVICE RECORD", "Technician", DocumentTypes.ServiceRecord)]
    [InlineData("Meeting notes", "lunch", DocumentTypes.Other)]
    public void Document_types_come_from_title_and_keywords(string title, string keyword, string expected)
    {
        var page = new SyntheticPage().Row(300, (800, title)).Row(1500, (250, keyword), (700, "x")).Build();
        Assert.Equal(expected, Extractor.Extract([page]).DocType);
    }

    [Fact]
    public void A_blank_page_is_other_with_nothing_extracted()
    {
        var extraction = Extractor.Extract([new SyntheticPage().Build()]);
        Assert.Equal(DocumentTypes.Other, extraction.DocType);
        Assert.Empty(extraction.Fields);
        Assert.Empty(extraction.Pairs);
    }

    [Fact]
    public void Fields_of_a_multi_page_document_carry_their_page_number()
    {
        var extraction = Extractor.Extract([
            new SyntheticPage().Row(900, (250, "客户姓名"), (610, "张伟")).Build(),
            new SyntheticPage().Row(900, (250, "联系电话"), (610, "13812345678")).Build(),
        ]);
        var fields = extraction.Fields.ToDictionary(f => f.Key);
        Assert.Equal(1, fields[FieldKeys.CustomerName].Page);
        Assert.Equal(2, fields[FieldKeys.Phone].Page);
    }
}
