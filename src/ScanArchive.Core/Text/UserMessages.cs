using System.Globalization;
using ScanArchive.Core.Documents;

namespace ScanArchive.Core.Text;

/// <summary>
/// Messages shown to clerks and reviewers, in Simplified Chinese and English. The UI culture decides;
/// any <c>zh</c> culture gets Chinese, everything else English.
/// </summary>
public static class UserMessages
{
    /// <summary>True when messages for <paramref name="culture"/> (default: current UI culture) are Chinese.</summary>
    public static bool IsChinese(CultureInfo? culture = null) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "zh";

    /// <summary>Picks the Chinese or English text.</summary>
    public static string Pick(string chinese, string english, CultureInfo? culture = null) =>
        IsChinese(culture) ? chinese : english;

    /// <summary>The message for a file that could not be read.</summary>
    public static string DocumentProblem(DocumentProblem problem, string fileName, CultureInfo? culture) => problem switch
    {
        Documents.DocumentProblem.NotFound => Pick($"找不到文件或无法打开：{fileName}", $"{fileName}: the file does not exist or cannot be opened.", culture),
        Documents.DocumentProblem.Empty => Pick($"文件是空的（0 字节）：{fileName}", $"{fileName}: the file is empty (0 bytes).", culture),
        Documents.DocumentProblem.UnsupportedFormat => Pick(
            $"不支持的文件类型：{fileName}。请提供 PNG、JPEG、TIFF、BMP 或 PDF 文件。",
            $"{fileName}: not a supported file type. Use PNG, JPEG, TIFF, BMP or PDF.",
            culture),
        Documents.DocumentProblem.Truncated => Pick($"文件不完整（可能未传输完）：{fileName}。请重新扫描或重新复制该文件。", $"{fileName}: the file is incomplete (cut off). Scan or copy it again.", culture),
        Documents.DocumentProblem.Corrupt => Pick($"文件已损坏，无法读取：{fileName}。请重新扫描该页。", $"{fileName}: the file is damaged and cannot be read. Scan the page again.", culture),
        Documents.DocumentProblem.PasswordProtected => Pick($"PDF 受密码保护：{fileName}。请先去除密码再导入。", $"{fileName}: the PDF is password-protected. Remove the password and import it again.", culture),
        Documents.DocumentProblem.TooLarge => Pick($"图像尺寸过大，已拒绝读取：{fileName}（超过每页像素上限）。", $"{fileName}: the image is too large to read safely (over the per-page pixel limit).", culture),
        Documents.DocumentProblem.NoPages => Pick($"文件中没有页面：{fileName}", $"{fileName}: the document has no pages.", culture),
        _ => Pick($"无法读取文件：{fileName}", $"{fileName}: the file cannot be read.", culture),
    };
}
