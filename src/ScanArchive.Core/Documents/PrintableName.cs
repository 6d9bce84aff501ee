using System.Globalization;
using System.Text;

namespace ScanArchive.Core.Documents;

/// <summary>
/// File names as they may be shown in one line of output. Linux allows any byte but '/' and NUL in a name: a newline
/// or an escape sequence printed raw would forge output lines or drive the terminal, so control characters are escaped
/// the way C# and the shell write them (<c>\n</c>, <c>\t</c>, <c>\u001b</c>).
/// </summary>
public static class PrintableName
{
    /// <summary>The name with every control character (and the backslash that starts an escape) escaped.</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            return name;
        }

        var printable = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            _ = c switch
            {
                '\n' => printable.Append("\\n"),
                '\r' => printable.Append("\\r"),
                '\t' => printable.Append("\\t"),
                '\\' => printable.Append("\\\\"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => printable.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => printable.Append(c),
            };
        }

        return printable.ToString();
    }

    /// <summary>The last part of a path (<see cref="Path.GetFileName(string)"/>), printable.</summary>
    public static string FileNameOf(string path) => Of(Path.GetFileName(path));
}
