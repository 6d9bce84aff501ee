using ScanArchive.SampleGenerator.Data;

namespace ScanArchive.SampleGenerator;

/// <summary>Known-answer checks for the data rules the ground truth depends on.</summary>
internal static class SelfTest
{
    public static bool Run(TextWriter log)
    {
        var failures = 0;

        void Expect(string what, string actual, string expected)
        {
            var ok = actual == expected;
            failures += ok ? 0 : 1;
            log.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}: {actual}{(ok ? "" : $" (expected {expected})")}");
        }

        // Examples from GB 11643-1999.
        Expect("check digit 11010519491231002", ResidentIdNumber.CheckCharacter("11010519491231002").ToString(), "X");
        Expect("check digit 44052418800101001", ResidentIdNumber.CheckCharacter("44052418800101001").ToString(), "4");

        var random = new Random(1);
        for (var i = 0; i < 200; i++)
        {
            var customer = ChineseCustomers.Create(random);
            var id = customer.IdNumber;
            var sequenceOdd = (id[16] - '0') % 2 == 1;
            if (!ResidentIdNumber.IsValid(id) || id.Substring(6, 8) != customer.BirthDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
                || sequenceOdd != (customer.Gender == Gender.Male) || id[..6] != customer.Address.AreaCode)
            {
                Expect($"generated ID {id}", "invalid", "valid");
            }
        }

        (decimal Amount, string Words)[] amounts =
        [
            (12345.00m, "壹万贰仟叁佰肆拾伍元整"),
            (0.00m, "零元整"),
            (0.05m, "伍分"),
            (0.50m, "伍角整"),
            (1.05m, "壹元零伍分"),
            (10.50m, "壹拾元伍角整"),
            (1005.00m, "壹仟零伍元整"),
            (1050.00m, "壹仟零伍拾元整"),
            (100500.00m, "壹拾万零伍佰元整"),
            (1000000.00m, "壹佰万元整"),
            (100000000.00m, "壹亿元整"),
            (100000001.00m, "壹亿零壹元整"),
            (10010.01m, "壹万零壹拾元零壹分"),
            (3800.26m, "叁仟捌佰元贰角陆分"),
            (205000.00m, "贰拾万伍仟元整"),
            (60036.70m, "陆万零叁拾陆元柒角整"),
            (100001000.00m, "壹亿零壹仟元整"),
            (105000000.00m, "壹亿零伍佰万元整"),
            (123456789.12m, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"),
        ];
        foreach (var (amount, words) in amounts)
        {
            Expect($"大写 {amount}", ChineseAmountWords.Convert(amount), words);
        }

        log.WriteLine(failures == 0 ? "self-test passed" : $"self-test: {failures} failure(s)");
        return failures == 0;
    }
}
