namespace ScanArchive.SampleGenerator.Data;

/// <summary>Fictional organisations; names must not belong to real banks or firms.</summary>
internal static class Companies
{
    public static readonly string[] ChineseBanks = ["华信商业银行", "瑞丰农商银行", "东升村镇银行"];

    public static readonly string[] ChineseFirms =
    [
        "远航科技有限公司", "博瑞信息技术有限公司", "恒达办公设备有限公司", "启明数据服务有限公司", "嘉禾文档管理有限公司",
    ];

    public static readonly string[] EnglishFirms =
    [
        "Northbridge Trading Ltd.", "Bluewater Office Systems Co., Ltd.", "Crestline Technical Services Ltd.", "Harbourview Document Solutions Ltd.",
    ];

    public static readonly string[] EnglishTechnicians = ["Tom Baker", "Kevin Li", "Anna Schmidt", "Mark Chen", "Lucy Wang"];

    public static readonly string[] ChineseStaff = ["陈静", "李明", "王磊", "赵敏", "周杰", "孙丽"];
}
