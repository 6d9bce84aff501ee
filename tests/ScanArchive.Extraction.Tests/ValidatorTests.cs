using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction.Tests;

public class ResidentIdNumberTests
{
    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44010619840216043", 'X')]
    [InlineData("33010620000117882", '8')]
    [InlineData("31011519851207123", '2')]
    [InlineData("51010719950615004", '0')]
    public void Check_character_follows_ISO_7064_MOD_11_2(string first17, char expected)
    {
        Assert.Equal(expected, ResidentIdNumber.CheckCharacter(first17));
    }

    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", 'F')]
    [InlineData("330106200001178828", "2000-01-17", 'F')]
    [InlineData("310115198512071232", "1985-12-07", 'M')]
    [InlineData("370202200002295898", "2000-02-29", 'M')]
    public void A_valid_number_gives_its_birth_date_and_gender(string number, string birth, char gender)
    {
        Assert.True(ResidentIdNumber.TryParse(number, out var info));
        Assert.Equal(number, info.Number);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), info.BirthDate);
        Assert.Equal(gender, info.Gender);
        Assert.False(info.Corrected);
        Assert.True(ResidentIdNumber.IsValid(number));
    }

    [Theory]
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData("110105 19491231 002X", "11010519491231002X")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X")]
    public void Case_spaces_and_full_width_are_not_corrections(string printed, string expected)
    {
        Assert.True(ResidentIdNumber.TryParse(printed, out var info));
        Assert.Equal(expected, info.Number);
        Assert.False(info.Corrected);
    }

    [Theory]
    [InlineData("11O10519491231002X", "11010519491231002X")]
    [InlineData("1101051949l231002X", "11010519491231002X")]
    [InlineData("33O1O62OOOO1178828", null)]
    [InlineData("3301062000011788Z8", "330106200001178828")]
    [InlineData("11010519491231002K", "11010519491231002X")]
    [InlineData("44O10619840216043X", "44010619840216043X")]
    public void OCR_confusions_are_fixed_only_when_the_check_character_then_passes(string printed, string? expected)
    {
        var parsed = ResidentIdNumber.TryParse(printed, out var info);
        Assert.Equal(expected is not null, parsed);
        if (expected is not null)
        {
            Assert.Equal(expected, info.Number);
            Assert.True(info.Corrected);
        }
    }

    [Theory]
    [InlineData("110105194912310021")] // wrong check digit
    [InlineData("110105194912320025")] // right check digit, but 32 December
    [InlineData("91010519491231002X")] // no province 9x
    [InlineData("11010519491231002")] // 17 characters
    [InlineData("1101051949123100211")] // 19 characters
    [InlineData("ABCDEFGHIJKLMNOPQR")]
    [InlineData("")]
    public void Invalid_numbers_are_rejected(string number)
    {
        Assert.False(ResidentIdNumber.TryParse(number, out _));
        Assert.False(ResidentIdNumber.IsValid(number));
    }

    [Fact]
    public void A_wrong_digit_is_not_guessed_even_if_one_change_would_pass()
    {
        // One digit off with no letter to blame: several single-digit fixes could pass, so none is made.
        Assert.False(ResidentIdNumber.TryParse("11010519491231003X", out _));
    }
}

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678", PhoneKind.Mobile)]
    [InlineData("138 1234 5678", "13812345678", PhoneKind.Mobile)]
    [InlineData("138-1234-5678", "13812345678", PhoneKind.Mobile)]
    [InlineData("+86 138 1234 5678", "13812345678", PhoneKind.Mobile)]
    [InlineData("0086-13812345678", "13812345678", PhoneKind.Mobile)]
    [InlineData("１３８１２３４５６７８", "13812345678", PhoneKind.Mobile)]
    [InlineData("19912345678", "19912345678", PhoneKind.Mobile)]
    [InlineData("025-88886666", "02588886666", PhoneKind.Landline)]
    [InlineData("(010) 2864 9671", "01028649671", PhoneKind.Landline)]
    [InlineData("0571-8765432", "05718765432", PhoneKind.Landline)]
    [InlineData("03-3271 9872", "0332719872", PhoneKind.Landline)]
    [InlineData("400-810-8888", "4008108888", PhoneKind.Service)]
    [InlineData("12345678901", "12345678901", PhoneKind.Other)]
    [InlineData("7654321", "7654321", PhoneKind.Other)]
    public void Formats_reduce_to_digits_and_a_kind(string printed, string digits, PhoneKind kind)
    {
        Assert.True(PhoneNumbers.TryParse(printed, out var info));
        Assert.Equal(digits, info.Digits);
        Assert.Equal(kind, info.Kind);
        Assert.False(info.Corrected);
    }

    [Theory]
    [InlineData("l38 1234 5678", "13812345678")]
    [InlineData("138-l234-S678", "13812345678")]
    [InlineData("O25-88886666", "02588886666")]
    public void OCR_confusions_are_fixed_when_the_result_is_a_valid_number(string printed, string digits)
    {
        Assert.True(PhoneNumbers.TryParse(printed, out var info));
        Assert.Equal(digits, info.Digits);
        Assert.True(info.Corrected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("phone")]
    [InlineData("123")]
    [InlineData("l2345678901")] // a fix would give 12345678901, which no plan validates
    [InlineData("1381234567890123456")]
    public void Non_numbers_are_rejected(string printed)
    {
        Assert.False(PhoneNumbers.TryParse(printed, out _));
    }
}

public class EmailAddressTests
{
    [Theory]
    [InlineData("ma_pengzhi@foxmail.com", "ma_pengzhi@foxmail.com")]
    [InlineData("yu. guo@163.com", "yu.guo@163.com")]
    [InlineData("yu.guo @ 163 . com", "yu.guo@163.com")]
    [InlineData("Laura.Carter@Outlook.COM", "Laura.Carter@outlook.com")]
    [InlineData("ｈｅ＿ｙａｎ＠ｑｑ．ｃｏｍ", "he_yan@qq.com")]
    [InlineData("ocooper25@proton.me.", "ocooper25@proton.me")]
    public void Addresses_are_compacted_and_the_domain_lower_cased(string printed, string expected)
    {
        Assert.True(EmailAddresses.TryParse(printed, out var address));
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData("no-at-sign.com")]
    [InlineData("a@b")]
    [InlineData("@example.com")]
    [InlineData("name@.com")]
    [InlineData("")]
    public void Non_addresses_are_rejected(string printed)
    {
        Assert.False(EmailAddresses.TryParse(printed, out _));
    }
}

public class DateNormalizerTests
{
    [Theory]
    [InlineData("2026年3月5日")]
    [InlineData("2026 年 03 月 05 日")]
    [InlineData("2026年3月5号")]
    [InlineData("二〇二六年三月五日")]
    [InlineData("２０２６年３月５日")]
    [InlineData("2026-03-05")]
    [InlineData("2026-3-5")]
    [InlineData("2026.03.05")]
    [InlineData("2026/3/5")]
    [InlineData("05/03/2026")]
    [InlineData("5/3/26")]
    [InlineData("05-03-2026")]
    [InlineData("05.03.2026")]
    [InlineData("5 March 2026")]
    [InlineData("5 Mar 2026")]
    [InlineData("5th March 2026")]
    [InlineData("5-Mar-2026")]
    [InlineData("05-MAR-26")]
    [InlineData("March 5, 2026")]
    [InlineData("Mar 5 2026")]
    [InlineData("20260305")]
    [InlineData(" 2026-03-05. ")]
    public void Every_common_form_reads_as_the_same_ISO_date(string printed)
    {
        Assert.True(DateNormalizer.TryParse(printed, out var date), printed);
        Assert.Equal("2026-03-05", DateNormalizer.ToIso(date));
    }

    [Theory]
    [InlineData("13/10/1991", DateOrder.DayFirst, "1991-10-13")]
    [InlineData("10/13/1991", DateOrder.DayFirst, "1991-10-13")]
    [InlineData("03/05/2026", DateOrder.MonthFirst, "2026-03-05")]
    [InlineData("03/05/2026", DateOrder.DayFirst, "2026-05-03")]
    [InlineData("29/02/2000", DateOrder.DayFirst, "2000-02-29")]
    [InlineData("1/1/85", DateOrder.DayFirst, "1985-01-01")]
    [InlineData("二〇〇二年十二月二十三日", DateOrder.DayFirst, "2002-12-23")]
    public void Day_and_month_order_and_two_digit_years(string printed, DateOrder order, string expected)
    {
        Assert.True(DateNormalizer.TryParse(printed, out var date, order));
        Assert.Equal(expected, DateNormalizer.ToIso(date));
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("31/04/2026")]
    [InlineData("29/02/2026")]
    [InlineData("2026年13月1日")]
    [InlineData("hello")]
    [InlineData("3.0.1")]
    [InlineData("12345678")]
    [InlineData("")]
    public void Impossible_dates_and_non_dates_are_rejected(string printed)
    {
        Assert.False(DateNormalizer.TryParse(printed, out _));
    }

    [Fact]
    public void Find_locates_dates_in_running_text()
    {
        const string text = "This agreement is made on 6 April 2026 and ends on 2027年1月4日.";
        var found = DateNormalizer.Find(text);
        Assert.Equal(["2026-04-06", "2027-01-04"], found.Select(f => DateNormalizer.ToIso(f.Date)));
        Assert.Equal("6 April 2026", text.Substring(found[0].Index, found[0].Length));
    }
}

public class AmountTests
{
    [Theory]
    [InlineData("¥12,345.00", "12345.00")]
    [InlineData("￥10,538.95", "10538.95")]
    [InlineData("12345元", "12345.00")]
    [InlineData("12,345", "12345.00")]
    [InlineData("CNY 76,175.00", "76175.00")]
    [InlineData("RMB 1,234.5", "1234.50")]
    [InlineData("RM43.40", "43.40")]
    [InlineData("人民币37,480.00元", "37480.00")]
    [InlineData("26,00", "26.00")]
    [InlineData("5,378.80", "5378.80")]
    [InlineData("$ 5.5", "5.50")]
    [InlineData("100元整", "100.00")]
    [InlineData("-0.01", "-0.01")]
    public void Printed_amounts_normalize_to_two_decimals(string printed, string expected)
    {
        Assert.True(AmountNormalizer.TryParse(printed, out var amount), printed);
        Assert.Equal(expected, AmountNormalizer.Format(amount));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12 34")]
    [InlineData("total 12.00 and 13.00")]
    [InlineData("")]
    public void Non_amounts_are_rejected(string printed)
    {
        Assert.False(AmountNormalizer.TryParse(printed, out _));
    }

    [Theory]
    [InlineData("壹万零伍佰叁拾捌元玖角伍分", "10538.95")]
    [InlineData("叁万柒仟肆佰捌拾元整", "37480.00")]
    [InlineData("壹拾元整", "10.00")]
    [InlineData("拾元整", "10.00")]
    [InlineData("壹佰元零伍分", "100.05")]
    [InlineData("伍元伍角", "5.50")]
    [InlineData("壹亿贰仟万元整", "120000000.00")]
    [InlineData("玖仟零玖元零玖分", "9009.09")]
    [InlineData("人民币壹万零伍佰叁拾捌元玖角伍分", "10538.95")]
    [InlineData("（大写）壹拾万元整", "100000.00")]
    public void Chinese_financial_numerals(string written, string expected)
    {
        Assert.True(ChineseAmount.TryParse(written, out var amount), written);
        Assert.Equal(expected, AmountNormalizer.Format(amount));
    }

    [Theory]
    [InlineData("壹万零伍佰")]
    [InlineData("过万零伍佰参拾抽元玖角伍分")]
    [InlineData("元整")]
    [InlineData("")]
    public void Incomplete_or_garbled_Chinese_amounts_are_rejected(string written)
    {
        Assert.False(ChineseAmount.TryParse(written, out _));
    }
}

public class SmallNormalizerTests
{
    [Theory]
    [InlineData("男", 'M')]
    [InlineData("女", 'F')]
    [InlineData("Male", 'M')]
    [InlineData("FEMALE", 'F')]
    [InlineData("M", 'M')]
    [InlineData("f", 'F')]
    [InlineData("先生", 'M')]
    [InlineData("女士", 'F')]
    public void Gender(string printed, char expected)
    {
        Assert.True(GenderNormalizer.TryParse(printed, out var gender));
        Assert.Equal(expected, gender);
    }

    [Theory]
    [InlineData("X")]
    [InlineData("男女")]
    [InlineData("")]
    public void Not_a_gender(string printed)
    {
        Assert.False(GenderNormalizer.TryParse(printed, out _));
    }

    [Theory]
    [InlineData("ＡＢＣ１２３：（）", "ABC123:()")]
    [InlineData("张　伟", "张 伟")]
    [InlineData("￥１００", "¥100")]
    [InlineData("客户姓名", "客户姓名")]
    [InlineData("〈服务方〉", "(服务方)")]
    public void Full_width_to_half_width(string text, string expected)
    {
        Assert.Equal(expected, HalfWidth.Convert(text));
    }

    [Theory]
    [InlineData("客户姓名：", "客户姓名")]
    [InlineData("Full  Name", "fullname")]
    [InlineData("ID No.", "idno")]
    [InlineData("(小写)", "小写")]
    public void Label_keys_ignore_case_space_and_punctuation(string label, string key)
    {
        Assert.Equal(key, HalfWidth.LabelKey(label));
    }

    [Theory]
    [InlineData("甲方（服务方）", "甲方")]
    [InlineData("Total (CNY)", "total")]
    [InlineData("(小写)", "")]
    public void Label_keys_without_asides(string label, string key)
    {
        Assert.Equal(key, HalfWidth.LabelKeyWithoutAsides(label));
    }

    [Theory]
    [InlineData("马鹏志", NamePlausibility.Likely)]
    [InlineData("欧阳娜娜", NamePlausibility.Likely)]
    [InlineData("艾力·买买提", NamePlausibility.Likely)]
    [InlineData("鹏志", NamePlausibility.Plausible)]
    [InlineData("Oliver Cooper", NamePlausibility.Plausible)]
    [InlineData("TEO HENG", NamePlausibility.Plausible)]
    [InlineData("马", NamePlausibility.NotAName)]
    [InlineData("北京市海淀区青年路", NamePlausibility.NotAName)]
    [InlineData("oliver cooper", NamePlausibility.NotAName)]
    [InlineData("Oliver", NamePlausibility.NotAName)]
    [InlineData("4 46,", NamePlausibility.NotAName)]
    [InlineData("Male", NamePlausibility.NotAName)]
    public void Person_names(string name, NamePlausibility expected)
    {
        var normalizer = new FieldNormalizer(ExtractionDictionary.Default);
        Assert.Equal(expected, normalizer.NamePlausibility(PersonNames.Clean(name)));
    }

    [Theory]
    [InlineData("北京市海演区青年路177号", "北京市海淀区青年路177号", true)]
    [InlineData("上海市黄埔区中山东一路1号", "上海市黄浦区中山东一路1号", true)]
    [InlineData("北京市海淀区青年路177号", "北京市海淀区青年路177号", false)]
    [InlineData("某某市海演区青年路177号", "某某市海演区青年路177号", false)]
    [InlineData("北京市某某区青年路177号", "北京市某某区青年路177号", false)]
    public void District_names_are_corrected_only_against_the_gazetteer(string address, string expected, bool corrected)
    {
        var normalizer = new FieldNormalizer(ExtractionDictionary.Default);
        Assert.Equal((expected, corrected), normalizer.CorrectDistrict(address));
    }
}
