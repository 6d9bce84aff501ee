namespace ScanArchive.SampleGenerator.Data;

internal sealed record ChineseCustomer(
    string Name,
    Gender Gender,
    string Ethnicity,
    DateOnly BirthDate,
    string IdNumber,
    string Mobile,
    string Email,
    ChineseAddress Address,
    string CustomerNo);

internal static class ChineseCustomers
{
    private static readonly (string Hanzi, string Pinyin)[] Surnames =
    [
        ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
        ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
        ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("林", "lin"),
        ("罗", "luo"), ("高", "gao"),
    ];

    private static readonly (string Hanzi, string Pinyin)[] MaleGivenNames =
    [
        ("伟", "wei"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"),
        ("杰", "jie"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("浩", "hao"), ("斌", "bin"),
        ("志", "zhi"), ("建", "jian"), ("国", "guo"), ("海", "hai"), ("鹏", "peng"), ("宇", "yu"),
    ];

    private static readonly (string Hanzi, string Pinyin)[] FemaleGivenNames =
    [
        ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("艳", "yan"),
        ("婷", "ting"), ("雪", "xue"), ("慧", "hui"), ("玲", "ling"), ("霞", "xia"), ("琳", "lin"),
        ("佳", "jia"), ("欣", "xin"), ("月", "yue"), ("红", "hong"), ("梅", "mei"), ("颖", "ying"),
    ];

    private static readonly string[] Ethnicities = ["汉", "汉", "汉", "汉", "汉", "回", "满", "壮"];
    private static readonly string[] MailDomains = ["163.com", "126.com", "qq.com", "sina.com", "outlook.com", "foxmail.com"];

    public static ChineseCustomer Create(Random random)
    {
        var gender = random.Next(2) == 0 ? Gender.Male : Gender.Female;
        var surname = random.Pick(Surnames);
        var givenPool = gender == Gender.Male ? MaleGivenNames : FemaleGivenNames;
        var given = new List<(string Hanzi, string Pinyin)> { random.Pick(givenPool) };
        if (random.Next(2) == 0)
        {
            given.Add(random.Pick(givenPool));
        }

        var name = surname.Hanzi + string.Concat(given.Select(g => g.Hanzi));
        var givenPinyin = string.Concat(given.Select(g => g.Pinyin));
        var birthDate = random.DateBetween(new DateOnly(1958, 1, 1), new DateOnly(2004, 12, 31));
        var address = ChineseAddresses.Create(random);
        return new ChineseCustomer(
            name,
            gender,
            random.Pick(Ethnicities),
            birthDate,
            ResidentIdNumber.Create(address.AreaCode, birthDate, gender, random),
            PhoneNumbers.Mobile(random),
            Email(surname.Pinyin, givenPinyin, birthDate, random),
            address,
            DocumentNumbers.CustomerNo(random));
    }

    private static string Email(string surname, string given, DateOnly birthDate, Random random)
    {
        var local = random.Next(4) switch
        {
            0 => $"{surname}{given}{random.Next(1, 100)}",
            1 => $"{given}.{surname}",
            2 => $"{surname[0]}{given[0]}{birthDate.Year}",
            _ => $"{surname}_{given}",
        };
        return $"{local}@{random.Pick(MailDomains)}";
    }
}
