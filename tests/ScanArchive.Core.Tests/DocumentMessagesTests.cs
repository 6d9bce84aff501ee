using System.Globalization;
using ScanArchive.Core.Documents;

namespace ScanArchive.Core.Tests;

/// <summary>File names in messages are printable; a document's failure reason can be kept without any file name.</summary>
public sealed class DocumentMessagesTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData("scan.png", "scan.png")]
    [InlineData("two\nlines.png", "two\\nlines.png")]
    [InlineData("tab\tcr\r.png", "tab\\tcr\\r.png")]
    [InlineData("esc\u001b[31mred.png", "esc\\u001b[31mred.png")]
    [InlineData("back\\slash\n.png", "back\\\\slash\\n.png")]
    [InlineData("客户 档案.jpg", "客户 档案.jpg")]
    public void Control_characters_in_names_are_escaped(string name, string printed)
    {
        Assert.Equal(printed, PrintableName.Of(name));
    }

    [Fact]
    public void A_read_failure_names_its_file_printably()
    {
        var error = new DocumentReadException("/in/evil\nname.pdf", DocumentProblem.Truncated);

        Assert.DoesNotContain('\n', error.MessageIn(English));
        Assert.Contains("evil\\nname.pdf", error.MessageIn(English), StringComparison.Ordinal);
        Assert.Contains("evil\\nname.pdf", error.MessageIn(Chinese), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void The_reason_alone_names_no_file_and_keeps_the_advice(DocumentProblem problem)
    {
        var path = "/data/originals/2fd0aa11bb22cc33dd44ee55ff660000aaaabbbbccccdddd0000111122223333.png";
        var error = new DocumentReadException(path, problem);

        foreach (var culture in new[] { English, Chinese })
        {
            var reason = error.ReasonIn(culture);
            var message = error.MessageIn(culture);
            Assert.DoesNotContain("2fd0", reason, StringComparison.Ordinal);
            Assert.DoesNotContain('\u0001', reason);
            Assert.False(reason.StartsWith(':') || reason.StartsWith('：'), reason);
            Assert.True(reason.Length >= 5, reason);

            // Everything the full message says but the name.
            Assert.Equal(message.Replace(Path.GetFileName(path), string.Empty, StringComparison.Ordinal).Length, reason.Length + (culture == English ? 2 : 1));
        }
    }

    public static TheoryData<DocumentProblem> Problems()
    {
        var data = new TheoryData<DocumentProblem>();
        foreach (var problem in Enum.GetValues<DocumentProblem>())
        {
            data.Add(problem);
        }

        return data;
    }
}
