using System.Globalization;
using ScanArchive.Core.Text;

namespace ScanArchive.Core.Capture;

/// <summary>Operator messages for scanning, in Simplified Chinese and English (see <see cref="UserMessages"/>).</summary>
public static class ScanMessages
{
    /// <summary>The message for a scan fault.</summary>
    /// <param name="fault">What went wrong.</param>
    /// <param name="detail">Technical detail appended in parentheses when present.</param>
    /// <param name="pageNumber">The page being scanned, when known.</param>
    /// <param name="culture">UI culture (null: current).</param>
    public static string Fault(ScanFault fault, string? detail, int? pageNumber, CultureInfo? culture)
    {
        var zhPage = pageNumber is { } zp ? $"（第 {zp} 页）" : string.Empty;
        var enPage = pageNumber is { } ep ? $" (page {ep})" : string.Empty;
        var text = fault switch
        {
            ScanFault.Jammed => UserMessages.Pick(
                $"扫描仪卡纸{zhPage}。请取出卡住的纸张，重新放入该页后继续扫描；之前的页面已保存。",
                $"Paper jam{enPage}. Remove the jammed sheet, put it back in the feeder and continue; the pages before it are saved.",
                culture),
            ScanFault.CoverOpen => UserMessages.Pick(
                $"扫描仪盖板或进纸器门未关好{zhPage}。请关好后继续扫描；之前的页面已保存。",
                $"The scanner cover or feeder door is open{enPage}. Close it and continue; the pages before it are saved.",
                culture),
            ScanFault.DeviceBusy => UserMessages.Pick(
                "扫描仪正被其他程序使用。请关闭其他扫描程序后重试。",
                "The scanner is in use by another program. Close it and try again.",
                culture),
            ScanFault.IoError => UserMessages.Pick(
                $"与扫描仪通信出错{zhPage}。请检查连接线或网络后继续扫描；之前的页面已保存。",
                $"Communication with the scanner failed{enPage}. Check the cable or network and continue; the pages before it are saved.",
                culture),
            ScanFault.AccessDenied => UserMessages.Pick(
                "没有使用该扫描仪的权限。请联系管理员（用户需在 scanner 组中）。",
                "Access to the scanner was denied. Ask the administrator (the user must be in the scanner group).",
                culture),
            ScanFault.NoPaper => UserMessages.Pick(
                "进纸器中没有纸张。请放入纸张后重试。",
                "The feeder is empty. Load paper and try again.",
                culture),
            ScanFault.Cancelled => UserMessages.Pick(
                "扫描已取消；之前的页面已保存。",
                "Scan cancelled; the pages before it are saved.",
                culture),
            ScanFault.DeviceGone => UserMessages.Pick(
                $"扫描仪已断开（拔出、关机或网络中断）{zhPage}。请重新连接后继续扫描；之前的页面已保存。",
                $"The scanner went away (unplugged, switched off or network lost){enPage}. Reconnect it and continue; the pages before it are saved.",
                culture),
            ScanFault.DeviceNotFound => UserMessages.Pick(
                "找不到该扫描仪。请运行 `scanarchive devices` 查看可用设备。",
                "No such scanner. Run `scanarchive devices` to list the available ones.",
                culture),
            ScanFault.NotResponding => UserMessages.Pick(
                $"扫描仪长时间无响应{zhPage}，已停止扫描。请检查扫描仪后继续；之前的页面已保存。",
                $"The scanner stopped responding{enPage}; the scan was stopped. Check the scanner and continue; the pages before it are saved.",
                culture),
            ScanFault.WorkerCrashed => UserMessages.Pick(
                $"扫描驱动程序意外退出{zhPage}。请检查扫描仪后继续扫描；之前的页面已保存。",
                $"The scanner driver stopped unexpectedly{enPage}. Check the scanner and continue; the pages before it are saved.",
                culture),
            ScanFault.InvalidOption => UserMessages.Pick(
                "扫描设置无效。",
                "Invalid scan setting.",
                culture),
            ScanFault.Unsupported => UserMessages.Pick(
                "该扫描仪不支持所请求的操作。",
                "The scanner does not support what was asked.",
                culture),
            ScanFault.DriverMissing => UserMessages.Pick(
                "未安装 SANE 扫描库（软件包 libsane1）。请运行 tools/prerequisites.sh 安装。",
                "The SANE scanner library is not installed (package libsane1). Run tools/prerequisites.sh to install it.",
                culture),
            _ => UserMessages.Pick(
                $"扫描失败{zhPage}；之前的页面已保存。",
                $"The scan failed{enPage}; the pages before it are saved.",
                culture),
        };
        return string.IsNullOrWhiteSpace(detail) ? text : $"{text} ({detail})";
    }
}
