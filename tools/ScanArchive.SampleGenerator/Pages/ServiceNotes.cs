namespace ScanArchive.SampleGenerator.Pages;

/// <summary>Technician note sentences from which service records draw a few at random.</summary>
internal static class ServiceNotes
{
    public static readonly string[] English =
    [
        "Customer reported paper jams in the document feeder.",
        "Replaced the pickup roller and cleaned the scanner glass.",
        "Updated the scanner driver to version 4.2 and recalibrated the sensor.",
        "Ran ten test scans at 300 dpi, all pages clear and straight.",
        "Advised the customer to clean the rollers once a month.",
        "Checked the network connection and reset the scan-to-folder path.",
        "No further faults found, device working normally.",
    ];

    public static readonly string[] ChineseFaults =
    [
        "扫描仪进纸时频繁卡纸，扫描件有黑色竖线。",
        "设备无法连接网络，扫描文件无法保存到共享文件夹。",
        "扫描速度明显变慢，偶尔出现重复进纸。",
    ];

    public static readonly string[] ChineseActions =
    [
        "更换进纸辊和分纸垫，清洁扫描玻璃及传感器。",
        "升级驱动程序至4.2版本，重新校准图像传感器。",
        "重新设置网络参数及共享文件夹路径。",
        "连续测试扫描二十页，图像清晰，进纸正常。",
        "已向客户演示日常清洁方法，建议每月清洁一次。",
    ];

    public static string Pick(Random random, IReadOnlyList<string> sentences, int count, string separator) =>
        string.Join(separator, sentences.OrderBy(_ => random.Next()).Take(count));
}
