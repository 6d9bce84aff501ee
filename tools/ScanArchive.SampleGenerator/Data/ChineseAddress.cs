namespace ScanArchive.SampleGenerator.Data;

/// <summary>A mainland address whose district matches the area code used in resident ID numbers.</summary>
internal sealed record ChineseAddress(
    string Province,
    string City,
    string District,
    string Street,
    string HouseNumber,
    string AreaCode,
    string IssuingAuthority)
{
    /// <summary>Municipalities (北京市, 上海市) are both province and city, so they are printed once.</summary>
    public string Full => (Province == City ? City : Province + City) + District + Street + HouseNumber;
}

internal static class ChineseAddresses
{
    private sealed record District(string Province, string City, string Name, string AreaCode, string PoliceBureau);

    private static readonly District[] Districts =
    [
        new("北京市", "北京市", "朝阳区", "110105", "北京市公安局朝阳分局"),
        new("北京市", "北京市", "海淀区", "110108", "北京市公安局海淀分局"),
        new("上海市", "上海市", "徐汇区", "310104", "上海市公安局徐汇分局"),
        new("上海市", "上海市", "浦东新区", "310115", "上海市公安局浦东分局"),
        new("广东省", "深圳市", "南山区", "440305", "深圳市公安局南山分局"),
        new("广东省", "广州市", "天河区", "440106", "广州市公安局天河区分局"),
        new("浙江省", "杭州市", "西湖区", "330106", "杭州市公安局西湖区分局"),
        new("江苏省", "南京市", "玄武区", "320102", "南京市公安局玄武分局"),
        new("四川省", "成都市", "武侯区", "510107", "成都市公安局武侯区分局"),
        new("湖北省", "武汉市", "武昌区", "420106", "武汉市公安局武昌区分局"),
        new("山东省", "青岛市", "市南区", "370202", "青岛市公安局市南分局"),
        new("陕西省", "西安市", "雁塔区", "610113", "西安市公安局雁塔分局"),
    ];

    private static readonly string[] Streets =
    [
        "建国路", "中山路", "人民路", "解放路", "科技园路", "文三路", "长江路", "和平大街",
        "花园路", "光明街", "新华路", "青年路", "学院路", "滨河大道", "东风路", "胜利街",
    ];

    public static ChineseAddress Create(Random random)
    {
        var district = random.Pick(Districts);
        var houseNumber = $"{random.Next(1, 300)}号";
        if (random.Next(3) > 0)
        {
            houseNumber += $"{random.Next(1, 20)}栋{random.Next(1, 30)}{random.Next(1, 5):D2}室";
        }

        return new ChineseAddress(
            district.Province,
            district.City,
            district.Name,
            random.Pick(Streets),
            houseNumber,
            district.AreaCode,
            district.PoliceBureau);
    }
}
