using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction;

/// <summary>
/// Labels understood by the words they are built from (<c>labelHeads</c> in <c>Data/labels.json</c>): 申请人姓名 and
/// "Name of applicant" name the customer although neither is listed, as a reader would tell. Only consulted for text
/// that stands as a label, after the exact dictionary; the longest matching word or fragment decides.
/// </summary>
internal sealed class LabelHeads
{
    private readonly List<(string? Key, string[] Words, string[] Fragments)> _rules = [];
    private readonly List<string> _zhEndings = [];
    private readonly ConcurrentDictionary<string, LabelEntry> _entries = new(StringComparer.Ordinal);

    private LabelHeads()
    {
    }

    /// <summary>Weight of a label recognized by its head word (exact dictionary labels weigh up to 1).</summary>
    public double Weight { get; private init; } = 0.8;

    /// <summary>Longest normalized label text considered (longer text is a sentence, not a label).</summary>
    public int MaxLength { get; private init; } = 24;

    public static LabelHeads Empty { get; } = new();

    public static LabelHeads Read(JsonElement root)
    {
        if (!root.TryGetProperty("labelHeads", out var heads))
        {
            return Empty;
        }

        var result = new LabelHeads
        {
            Weight = heads.TryGetProperty("weight", out var w) ? w.GetDouble() : 0.8,
            MaxLength = heads.TryGetProperty("maxLength", out var m) ? m.GetInt32() : 24,
        };
        foreach (var rule in heads.GetProperty("rules").EnumerateArray())
        {
            var key = rule.GetProperty("key").ValueKind == JsonValueKind.Null ? null : rule.GetProperty("key").GetString();
            var words = rule.TryGetProperty("words", out var ws) ? ws.EnumerateArray().Select(x => Words(x.GetString()!)).Where(x => x.Length > 2).ToArray() : [];
            var fragments = rule.TryGetProperty("zh", out var zs) ? zs.EnumerateArray().Select(x => HalfWidth.LabelKey(x.GetString()!)).Where(x => x.Length > 0).ToArray() : [];
            result._rules.Add((key, words, fragments));
        }

        if (heads.TryGetProperty("zhEndings", out var endings))
        {
            result._zhEndings.AddRange(endings.EnumerateArray().Select(x => HalfWidth.LabelKey(x.GetString()!)).Where(x => x.Length > 0));
        }

        return result;
    }

    /// <summary>
    /// The entry for label text by its head word: a field key, an ignore entry (key null: 经办人姓名), or null when no
    /// rule matches or the text cannot be a label (digits or '@': a value).
    /// </summary>
    public LabelEntry? Find(string text)
    {
        if (_rules.Count == 0 || text.Any(c => char.IsDigit(c) || c is '@' or '＠'))
        {
            return null;
        }

        var key = HalfWidth.LabelKeyWithoutAsides(text);
        if (key.Length is 0 || key.Length > MaxLength)
        {
            return null;
        }

        // Chinese labels end in their head noun (申请人姓名): text ending otherwise is a caption run into its value.
        var endsLikeLabel = _zhEndings.Any(e => key.EndsWith(e, StringComparison.Ordinal));
        var words = Words(text);
        var bestLength = 0;
        string? bestKey = null;
        var found = false;
        foreach (var (ruleKey, ruleWords, fragments) in _rules)
        {
            foreach (var word in ruleWords)
            {
                var length = word.Count(c => c != ' ');
                if (length > bestLength && words.Contains(word, StringComparison.Ordinal))
                {
                    (bestLength, bestKey, found) = (length, ruleKey, true);
                }
            }

            foreach (var fragment in fragments)
            {
                if (endsLikeLabel && fragment.Length > bestLength && key.Contains(fragment, StringComparison.Ordinal))
                {
                    (bestLength, bestKey, found) = (fragment.Length, ruleKey, true);
                }
            }
        }

        if (!found)
        {
            return null;
        }

        // One entry per label text, so that hits of the same printed label compare equal.
        return _entries.GetOrAdd((bestKey ?? "-") + "|" + key, _ => new LabelEntry(bestKey, text.Trim().TrimEnd(':', '：', ' '), Weight, false));
    }

    /// <summary>" name of applicant ": case-folded words with . ' - dropped (e-mail → email, D.O.B. → dob) and other punctuation a break.</summary>
    private static string Words(string text)
    {
        var sb = new StringBuilder(" ");
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (c is '.' or '\'' or '’' or '-')
            {
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            var isWordChar = char.IsLetterOrDigit(c) && category != UnicodeCategory.OtherLetter;
            sb.Append(isWordChar ? c : ' ');
        }

        sb.Append(' ');
        return " " + string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";
    }
}
