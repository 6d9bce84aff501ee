using System.Globalization;
using System.Text.RegularExpressions;
using ScanArchive.Core.Extraction;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction;

/// <summary>A value read for a field.</summary>
/// <param name="Value">Normalized value (ISO dates, <c>12345.00</c>, phone digits, M/F, half-width).</param>
/// <param name="Validation">What validation says.</param>
/// <param name="Quality">0–1: how well the text fits the field when no validator can prove it (a known surname, a company suffix…); 1 for validated values.</param>
/// <param name="Index">Where the value's printed text starts in the text given.</param>
/// <param name="Length">Length of the value's printed text.</param>
public sealed record NormalizedValue(string Value, FieldValidation Validation, double Quality, int Index, int Length);

/// <summary>
/// Reads and validates the value of each canonical field from the text found for it. The value may be a prefix or
/// part of the text (a phone number followed by "FAX:", a date followed by a time); <see cref="NormalizedValue.Index"/>
/// and <see cref="NormalizedValue.Length"/> say which part.
/// </summary>
public sealed partial class FieldNormalizer
{
    private readonly ExtractionDictionary _dictionary;

    /// <summary>Creates a normalizer using a dictionary's customer-number patterns, surnames and markers.</summary>
    public FieldNormalizer(ExtractionDictionary dictionary)
    {
        _dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary));
    }

    /// <summary>Reads a field's value from text.</summary>
    /// <param name="key">A canonical key (<see cref="FieldKeys"/>).</param>
    /// <param name="text">The text found for the field (half-width or not).</param>
    /// <param name="validatedOnly">
    /// Accept only values a validator proves, as for a label in running text ("passport number E54146402,");
    /// free-text fields (names, addresses, companies) then give nothing.
    /// </param>
    /// <returns>The value, or null when the text does not hold one.</returns>
    public NormalizedValue? Normalize(string key, string text, bool validatedOnly = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var half = HalfWidth.Convert(text);
        var result = key switch
        {
            FieldKeys.IdNumber => IdNumber(half),
            FieldKeys.Phone => Phone(half),
            FieldKeys.Email => Email(half),
            FieldKeys.DateOfBirth or FieldKeys.DocumentDate => Date(half),
            FieldKeys.Amount => Amount(half),
            FieldKeys.Gender => Gender(half),
            FieldKeys.CustomerNo => CustomerNo(half),
            FieldKeys.DocumentNo => DocumentNo(half),
            FieldKeys.CustomerName => validatedOnly ? null : Name(half),
            FieldKeys.Address => validatedOnly ? null : Address(half),
            FieldKeys.CompanyName => validatedOnly ? null : Company(half),
            _ => null,
        };
        if (result is null || (validatedOnly && result.Validation is not (FieldValidation.Valid or FieldValidation.Corrected) && result.Quality < 0.9))
        {
            return null;
        }

        return result;
    }

    /// <summary>True when a customer number matches the institution's numbering scheme (data file patterns).</summary>
    public bool IsKnownCustomerNo(string value) => _dictionary.CustomerNoPatterns.Any(p => p.IsMatch(value));

    /// <summary>How plausible a text is as a person's name (surname list from the dictionary).</summary>
    public NamePlausibility NamePlausibility(string name) =>
        PersonNames.Check(name, _dictionary.Surnames, _dictionary.CompoundSurnames, _dictionary.NotNames);

    /// <summary>The company suffix a text ends with, or null.</summary>
    public string? CompanySuffix(string text)
    {
        var trimmed = text.TrimEnd(' ', ',', '.', ')', '(');
        foreach (var suffix in _dictionary.CompanySuffixesZh)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                return suffix;
            }
        }

        var lower = text.TrimEnd(' ', ',').ToLowerInvariant();
        foreach (var suffix in _dictionary.CompanySuffixesEn)
        {
            var s = suffix.ToLowerInvariant();
            if (lower.EndsWith(s, StringComparison.Ordinal) && (lower.Length == s.Length || !char.IsLetter(lower[lower.Length - s.Length - 1])))
            {
                return suffix;
            }
        }

        return null;
    }

    /// <summary>How address-like a text is (0–1): Chinese administrative and street markers, street words, regions, postcodes.</summary>
    public double AddressScore(string text)
    {
        if (text.Length < 5)
        {
            return 0;
        }

        var hanCount = text.Count(c => c is >= '\u4E00' and <= '\u9FFF');
        if (hanCount >= 4)
        {
            var markers = _dictionary.AddressMarkersZh.Count(m => text.Contains(m, StringComparison.Ordinal));
            var digits = text.Any(char.IsAsciiDigit);
            // Street addresses carry house numbers; without digits, place names (杭州市公安局西湖区分局) look alike.
            return (markers, digits) switch
            {
                ( >= 3, true) => 1.0,
                (2, true) => 0.9,
                ( >= 3, false) => 0.5,
                (2, false) => 0.3,
                (1, true) => 0.4,
                _ => 0,
            };
        }

        var words = WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        var street = words.Count(w => _dictionary.AddressMarkersEn.Contains(w.TrimEnd('.')));
        var lowerText = text.ToLowerInvariant();
        var region = _dictionary.AddressRegions.Any(r => Regex.IsMatch(lowerText, @"\b" + Regex.Escape(r) + @"\b", RegexOptions.None, TimeSpan.FromSeconds(1)));
        var postcode = Postcode().IsMatch(text);
        var number = text.Any(char.IsAsciiDigit);
        var score = (street > 0 ? 0.5 : 0) + (street > 1 ? 0.2 : 0) + (region ? 0.3 : 0) + (postcode ? 0.3 : 0) + (number && street > 0 ? 0.1 : 0);
        return Math.Min(1, score);
    }

    private static NormalizedValue? IdNumber(string text)
    {
        // A resident ID anywhere in the text (OCR may split it with spaces or glue punctuation to it).
        foreach (Match m in IdLike().Matches(text))
        {
            if (ResidentIdNumber.TryParse(m.Value, out var info))
            {
                return new NormalizedValue(info.Number, info.Corrected ? FieldValidation.Corrected : FieldValidation.Valid, 1, m.Index, m.Length);
            }
        }

        var token = FirstToken().Match(text);
        if (!token.Success)
        {
            return null;
        }

        var value = token.Value.ToUpperInvariant();
        if (Passport().IsMatch(value))
        {
            return new NormalizedValue(value, FieldValidation.Unchecked, 0.9, token.Index, token.Length);
        }

        var digits = value.Count(char.IsAsciiDigit);
        return value.Length is >= 6 and <= 20 && digits >= 6 && value.All(char.IsAsciiLetterOrDigit)
            ? new NormalizedValue(value, FieldValidation.Unchecked, 0.5, token.Index, token.Length)
            : null;
    }

    private static NormalizedValue? Phone(string text)
    {
        var trimmed = text.Trim().TrimEnd(',', ';', '.');
        if (PhoneNumbers.TryParse(trimmed, out var whole))
        {
            var start = text.IndexOf(trimmed, StringComparison.Ordinal);
            return Phone(whole, start, trimmed.Length);
        }

        foreach (Match m in PhoneLike().Matches(text))
        {
            if (PhoneNumbers.TryParse(m.Value, out var info))
            {
                return Phone(info, m.Index, m.Length);
            }
        }

        return null;
    }

    private static NormalizedValue Phone(PhoneNumberInfo info, int index, int length) =>
        new(info.Digits, info.Corrected ? FieldValidation.Corrected : info.IsValidated ? FieldValidation.Valid : FieldValidation.Unchecked, info.IsValidated ? 1 : 0.5, index, length);

    private static NormalizedValue? Email(string text)
    {
        foreach (var (index, length) in EmailAddresses.Find(text))
        {
            if (EmailAddresses.TryParse(text.Substring(index, length), out var address))
            {
                return new NormalizedValue(address, FieldValidation.Valid, 1, index, length);
            }
        }

        return null;
    }

    private static NormalizedValue? Date(string text)
    {
        var found = DateNormalizer.Find(text);
        if (found.Count > 0)
        {
            var m = found[0];
            return new NormalizedValue(DateNormalizer.ToIso(m.Date), FieldValidation.Valid, 1, m.Index, m.Length);
        }

        var token = FirstToken().Match(text);
        return token.Success && DateNormalizer.TryParse(token.Value, out var date)
            ? new NormalizedValue(DateNormalizer.ToIso(date), FieldValidation.Valid, 1, token.Index, token.Length)
            : null;
    }

    private static NormalizedValue? Amount(string text)
    {
        foreach (var m in AmountNormalizer.Find(text))
        {
            // A lone small integer after a total label is more often a count or a footnote than money.
            if (!m.HasCents && !m.HasCurrency && m.Amount < 10)
            {
                continue;
            }

            return new NormalizedValue(AmountNormalizer.Format(m.Amount), FieldValidation.Valid, m.HasCents || m.HasCurrency ? 1 : 0.7, m.Index, m.Length);
        }

        foreach (var (index, length, amount) in ChineseAmount.Find(text.Replace(" ", string.Empty, StringComparison.Ordinal)))
        {
            return new NormalizedValue(AmountNormalizer.Format(amount), FieldValidation.Valid, 0.9, Math.Min(index, text.Length - 1), Math.Min(length, text.Length - Math.Min(index, text.Length - 1)));
        }

        return null;
    }

    private static NormalizedValue? Gender(string text)
    {
        var token = FirstToken().Match(text);
        var trimmed = text.Trim();
        if (GenderNormalizer.TryParse(trimmed, out var whole))
        {
            return new NormalizedValue(whole.ToString(), FieldValidation.Valid, 1, text.IndexOf(trimmed, StringComparison.Ordinal), trimmed.Length);
        }

        if (token.Success && GenderNormalizer.TryParse(token.Value, out var gender))
        {
            return new NormalizedValue(gender.ToString(), FieldValidation.Valid, 1, token.Index, token.Length);
        }

        var han = HanGender().Match(text);
        return han.Success ? new NormalizedValue(han.Value == "男" ? "M" : "F", FieldValidation.Valid, 0.9, han.Index, han.Length) : null;
    }

    private NormalizedValue? CustomerNo(string text)
    {
        foreach (Match m in CodeLike().Matches(text))
        {
            var value = m.Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            if (IsKnownCustomerNo(value))
            {
                return new NormalizedValue(value, FieldValidation.Valid, 1, m.Index, m.Length);
            }
        }

        var token = FirstToken().Match(text);
        if (!token.Success)
        {
            return null;
        }

        var code = token.Value.ToUpperInvariant().Trim('.', ',', ';', ':');
        return code.Length is >= 4 and <= 24 && code.Count(char.IsAsciiDigit) >= 3 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/')
            ? new NormalizedValue(code, FieldValidation.Unchecked, 0.7, token.Index, code.Length)
            : null;
    }

    private static NormalizedValue? DocumentNo(string text)
    {
        var token = FirstToken().Match(text);
        if (!token.Success)
        {
            return null;
        }

        var code = token.Value.Trim('.', ',', ';', ':', '(', ')', '#');
        var start = token.Index + token.Value.IndexOf(code, StringComparison.Ordinal);
        return code.Length is >= 4 and <= 32 && code.Count(char.IsAsciiDigit) >= 3 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '_' or '.')
            ? new NormalizedValue(code.ToUpperInvariant(), FieldValidation.Unchecked, 0.9, start, code.Length)
            : null;
    }

    private NormalizedValue? Name(string text)
    {
        var cleaned = PersonNames.Clean(text);
        var plausibility = NamePlausibility(cleaned);
        if (plausibility == Normalization.NamePlausibility.NotAName)
        {
            return null;
        }

        var (index, length) = Span(text);
        return new NormalizedValue(cleaned, FieldValidation.Unchecked, plausibility == Normalization.NamePlausibility.Likely ? 1 : 0.8, index, length);
    }

    private NormalizedValue? Address(string text)
    {
        var cleaned = CleanFreeText(text);
        var score = AddressScore(cleaned);
        if (score <= 0)
        {
            return null;
        }

        var (index, length) = Span(text);
        var (fixedText, corrected) = CorrectDistrict(cleaned);
        return new NormalizedValue(fixedText, corrected ? FieldValidation.Corrected : FieldValidation.Unchecked, 0.6 + (0.4 * score), index, length);
    }

    /// <summary>
    /// Fixes a district name OCR got one character wrong (北京市海演区 → 北京市海淀区) when the gazetteer lists the city
    /// and exactly one of its districts is that close; a district it lists, or a city it does not, is left alone.
    /// </summary>
    public (string Address, bool Corrected) CorrectDistrict(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        foreach (var (city, districts) in _dictionary.Districts)
        {
            var at = address.IndexOf(city, StringComparison.Ordinal);
            var after = at + city.Length;
            if (at < 0 || districts.Any(d => string.CompareOrdinal(address, after, d, 0, d.Length) == 0))
            {
                continue;
            }

            var near = districts
                .Where(d => after + d.Length <= address.Length && address[after + d.Length - 1] == d[^1] &&
                            Enumerable.Range(0, d.Length).Count(i => address[after + i] != d[i]) == 1)
                .ToList();
            if (near.Count == 1)
            {
                var district = near[0];
                return (string.Concat(address.AsSpan(0, after), district, address.AsSpan(after + district.Length)), true);
            }
        }

        return (address, false);
    }

    private NormalizedValue? Company(string text)
    {
        var cleaned = CleanFreeText(text);
        var letters = cleaned.Count(char.IsLetter);
        if (letters < 2 || cleaned.Length > 80 || cleaned.Count(char.IsAsciiDigit) > letters)
        {
            return null;
        }

        var (index, length) = Span(text);
        return new NormalizedValue(cleaned, FieldValidation.Unchecked, CompanySuffix(cleaned) is null ? 0.7 : 1, index, length);
    }

    /// <summary>Half-width, spaces collapsed, label punctuation trimmed from the ends.</summary>
    internal static string CleanFreeText(string text)
    {
        var collapsed = string.Join(' ', HalfWidth.Convert(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Trim(' ', ':', ';', '|', '*', '_', '-', '"', '\'', '“', '”', '‘', '’').TrimEnd(',');
    }

    private static (int Index, int Length) Span(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9OoIlSB](?:\s?[0-9OoIlSBZ]){16}\s?[0-9XxKk×](?![0-9A-Za-z])")]
    private static partial Regex IdLike();

    [GeneratedRegex(@"^[A-Z]{1,2}\d{6,9}$")]
    private static partial Regex Passport();

    [GeneratedRegex(@"[^\s:;,]+")]
    private static partial Regex FirstToken();

    [GeneratedRegex(@"(?<![\dA-Za-z])\+?\(?\d[\d\s().-]{5,18}\d(?![\d])")]
    private static partial Regex PhoneLike();

    [GeneratedRegex(@"[A-Za-z]{0,4}\s?\d[\dA-Za-z-]{3,23}")]
    private static partial Regex CodeLike();

    [GeneratedRegex(@"^[男女](?=\s|$)")]
    private static partial Regex HanGender();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'.]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<!\d)\d{5,6}(?!\d)")]
    private static partial Regex Postcode();
}
