using System.Globalization;
using System.Text;

namespace ScanArchive.Ocr.Paddle.Tests;

/// <summary>Whitespace-free character error rate, as score.py's CERns (NFKC, case kept).</summary>
internal static class TextMetrics
{
    public static double CerNoSpace(string truth, string read)
    {
        var t = Strip(truth);
        var r = Strip(read);
        if (t.Length == 0)
        {
            return r.Length == 0 ? 0 : 1;
        }

        var previous = new int[r.Length + 1];
        var current = new int[r.Length + 1];
        for (var j = 0; j <= r.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= t.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= r.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (t[i - 1] == r[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return (double)previous[r.Length] / t.Length;
    }

    private static string Strip(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().ToString(CultureInfo.InvariantCulture);
    }
}
