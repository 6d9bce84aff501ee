using System.Globalization;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Sane;

/// <summary>Turns <c>--option NAME=VALUE</c> text into a value of the option's type, as its descriptor says.</summary>
internal static class OptionValueParser
{
    /// <summary>The typed value: bool, double[] (comma-separated for array options) or string; null for a button.</summary>
    /// <exception cref="ScanException"><see cref="ScanFault.InvalidOption"/> with the expected form when the text does not fit.</exception>
    public static object? Parse(SaneOption option, string text)
    {
        var t = text.Trim();
        switch (option.Type)
        {
            case SaneValueType.Bool:
                return t.ToLowerInvariant() switch
                {
                    "yes" or "true" or "on" or "1" => true,
                    "no" or "false" or "off" or "0" => false,
                    _ => throw Bad(option, text, "yes or no"),
                };
            case SaneValueType.Int:
            case SaneValueType.Fixed:
                var parts = t.Split(',', StringSplitOptions.TrimEntries);
                var numbers = new double[parts.Length];
                for (var i = 0; i < parts.Length; i++)
                {
                    bool ok;
                    if (option.Type == SaneValueType.Int)
                    {
                        ok = int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole);
                        numbers[i] = whole;
                    }
                    else
                    {
                        ok = double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]);
                    }

                    if (!ok)
                    {
                        throw Bad(option, text, option.Type == SaneValueType.Int ? "a whole number" : "a number");
                    }
                }

                if (numbers.Length != 1 && numbers.Length != option.WordCount)
                {
                    throw Bad(option, text, $"one value or {option.WordCount} comma-separated values");
                }

                return numbers.Length == 1 && option.WordCount > 1 ? Enumerable.Repeat(numbers[0], option.WordCount).ToArray() : numbers;
            case SaneValueType.String:
                if (option.StringChoices.Count > 0)
                {
                    // Accept any capitalisation but send the device's own spelling.
                    return option.StringChoices.FirstOrDefault(c => c == text)
                        ?? option.StringChoices.FirstOrDefault(c => string.Equals(c, t, StringComparison.OrdinalIgnoreCase))
                        ?? throw Bad(option, text, "one of " + string.Join(" | ", option.StringChoices));
                }

                return text;
            case SaneValueType.Button:
                return null;
            default:
                throw Bad(option, text, "a settable option");
        }
    }

    private static ScanException Bad(SaneOption option, string text, string expected) =>
        new(ScanFault.InvalidOption, $"{option.Name}={text}: expected {expected}");
}
