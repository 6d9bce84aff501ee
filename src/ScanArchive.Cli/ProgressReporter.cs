using System.Diagnostics;
using System.Globalization;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli;

/// <summary>One line per finished document on stderr, and a summary; stdout stays clean for results.</summary>
internal sealed class ProgressReporter(int total, CultureInfo culture)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _done;
    private int _pages;

    public void Report(DocumentAnalysis analysis)
    {
        _done++;
        _pages += analysis.Pages.Count;
        var counter = $"[{_done.ToString(CultureInfo.InvariantCulture).PadLeft(total.ToString(CultureInfo.InvariantCulture).Length)}/{total}]";
        if (analysis.Error is { } error)
        {
            Console.Error.WriteLine($"{counter} ✗ {AnalysisJson.ErrorMessage(error, culture)}");
            return;
        }

        Console.Error.WriteLine(UserMessages.Pick(
            $"{counter} {analysis.Input.RelativePath}：{analysis.Pages.Count} 页，{analysis.Elapsed.TotalSeconds:F1} 秒",
            $"{counter} {analysis.Input.RelativePath}: {analysis.Pages.Count} page(s), {analysis.Elapsed.TotalSeconds:F1} s",
            culture));
    }

    public void Summary(int failed)
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? _pages / seconds * 60 : 0;
        Console.Error.WriteLine(UserMessages.Pick(
            $"完成：{_done - failed} 个文件（{_pages} 页）已识别，{failed} 个失败，用时 {seconds:F1} 秒（每分钟 {rate:F0} 页）。",
            $"Done: {_done - failed} file(s) ({_pages} pages) recognized, {failed} failed, in {seconds:F1} s ({rate:F0} pages/min).",
            culture));
    }
}
