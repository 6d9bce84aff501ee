using System.Globalization;
using ScanArchive.Core.Text;

namespace ScanArchive.Core.Quality;

/// <summary>Reviewer sentences for quality checks, in Simplified Chinese and English.</summary>
public static class QualityMessages
{
    /// <summary>One sentence: what is wrong (with the figure that shows it) and what to do.</summary>
    public static string Describe(PageQuality quality, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(quality);
        if (quality.Issues.Count == 0)
        {
            return UserMessages.Pick("扫描质量合格。", "Scan quality is fine.", culture);
        }

        var zh = UserMessages.IsChinese(culture);
        var parts = quality.Issues.Select(i => Phrase(i.Reason, quality.Metrics, culture)).ToList();
        var first = parts[0];
        parts[0] = zh ? first : char.ToUpperInvariant(first[0]) + first[1..];
        var advice = quality.Verdict == QualityVerdict.Fail
            ? UserMessages.Pick("请重新扫描该页。", "Scan the page again.", culture)
            : quality.Blank && quality.Issues.Count == 1
                ? UserMessages.Pick("请确认该页确实应为空白。", "Check that the page is meant to be empty.", culture)
                : UserMessages.Pick("请复核。", "Please check it.", culture);
        return zh ? string.Join('；', parts) + "。" + advice : string.Join("; ", parts) + ". " + advice;
    }

    /// <summary>A short phrase for one reason, with its measured figure.</summary>
    public static string Phrase(QualityReason reason, PageQualityMetrics metrics, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var ic = CultureInfo.InvariantCulture;
        return reason switch
        {
            QualityReason.Blank => UserMessages.Pick("空白页（已标记，未删除）", "blank page (flagged, not removed)", culture),
            QualityReason.Blurry => metrics.EdgeSpread is { } spread
                ? UserMessages.Pick(
                    string.Create(ic, $"图像模糊（清晰度 {metrics.Sharpness:F2}，边缘宽度 {spread:F2}）"),
                    string.Create(ic, $"blurry (sharpness {metrics.Sharpness:F2}, edge spread {spread:F2})"),
                    culture)
                : UserMessages.Pick(
                    string.Create(ic, $"图像模糊（清晰度 {metrics.Sharpness:F2}）"),
                    string.Create(ic, $"blurry (sharpness {metrics.Sharpness:F2})"),
                    culture),
            QualityReason.LowResolution => UserMessages.Pick(
                string.Create(ic, $"分辨率过低（{metrics.Dpi?.ToString(ic) ?? "?"} dpi，字高 {metrics.TextHeightPixels ?? 0:F0} 像素）"),
                string.Create(ic, $"resolution too low ({metrics.Dpi?.ToString(ic) ?? "?"} dpi, characters {metrics.TextHeightPixels ?? 0:F0} px tall)"),
                culture),
            QualityReason.LowContrast => UserMessages.Pick(
                string.Create(ic, $"对比度过低（{metrics.Contrast:F0}/255）"),
                string.Create(ic, $"print too faint (contrast {metrics.Contrast:F0}/255)"),
                culture),
            QualityReason.TooDark => UserMessages.Pick(
                string.Create(ic, $"图像过暗（纸张亮度 {metrics.Brightness:F0}/255）"),
                string.Create(ic, $"too dark (paper brightness {metrics.Brightness:F0}/255)"),
                culture),
            QualityReason.ContentCutOff => UserMessages.Pick(
                $"内容在{Sides(metrics.CutOffSides, true)}边缘被裁切",
                $"content cut off at the {Sides(metrics.CutOffSides, false)} edge",
                culture),
            QualityReason.ColourLostInLineart => UserMessages.Pick(
                "页面含彩色内容（如红色印章），黑白扫描会丢失",
                "the page has colour (e.g. a red seal) that black-and-white scanning loses",
                culture),
            QualityReason.OrientationUncertain => UserMessages.Pick("无法确定页面方向，未自动旋转", "page orientation unclear, not turned", culture),
            _ => reason.ToString(),
        };
    }

    private static string Sides(PageSides sides, bool chinese)
    {
        var names = new List<string>();
        foreach (var (side, zh, en) in new[] { (PageSides.Top, "上", "top"), (PageSides.Bottom, "下", "bottom"), (PageSides.Left, "左", "left"), (PageSides.Right, "右", "right") })
        {
            if (sides.HasFlag(side))
            {
                names.Add(chinese ? zh : en);
            }
        }

        return chinese ? string.Join("、", names) : string.Join(" and ", names);
    }
}
