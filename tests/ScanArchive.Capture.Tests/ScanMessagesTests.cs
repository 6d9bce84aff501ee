using System.Globalization;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Tests;

public sealed class ScanMessagesTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Every_fault_has_its_own_message_in_both_languages()
    {
        var faults = Enum.GetValues<ScanFault>();
        var english = faults.Select(f => ScanMessages.Fault(f, null, null, En)).ToList();
        var chinese = faults.Select(f => ScanMessages.Fault(f, null, null, Zh)).ToList();

        Assert.Equal(faults.Length, english.Distinct().Count());
        Assert.Equal(faults.Length, chinese.Distinct().Count());
        Assert.All(chinese, m => Assert.Contains(m, c => c >= '\u4e00' && c <= '\u9fff'));
        Assert.All(english, m => Assert.DoesNotContain(m, c => c >= '\u4e00' && c <= '\u9fff'));
    }

    [Fact]
    public void Message_names_the_page_and_keeps_the_detail()
    {
        var ex = new ScanException(ScanFault.Jammed, "sane_read: Document feeder jammed", 4);

        Assert.Contains("page 4", ex.MessageIn(En), StringComparison.Ordinal);
        Assert.Contains("第 4 页", ex.MessageIn(Zh), StringComparison.Ordinal);
        Assert.EndsWith("(sane_read: Document feeder jammed)", ex.MessageIn(En), StringComparison.Ordinal);
        Assert.True(ex.IsResumable);
    }
}
