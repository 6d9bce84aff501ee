using System.Globalization;
using System.Text.Json;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Text;
using ScanArchive.Extraction;

namespace ScanArchive.Application.Review;

/// <summary>What validating a value as it is typed says.</summary>
/// <param name="Validation">The state the field would have (<see cref="FieldReviewState.Valid"/>, <see cref="FieldReviewState.Attention"/>, <see cref="FieldReviewState.Invalid"/>, <see cref="FieldReviewState.Missing"/>).</param>
/// <param name="Normalized">The value as it would be stored (ISO date, phone digits, <c>12345.00</c>), or null when it cannot be read.</param>
/// <param name="Message">Why it is not valid, in the caller's language; null when valid.</param>
public sealed record ValueCheck(FieldReviewState Validation, string? Normalized, string? Message);

/// <summary>
/// The review rules for fields: which fields each document type requires (<c>Data/required-fields.json</c> of
/// ScanArchive.Extraction), which values their validators accept, and the confidence under which a value needs a look.
/// One place, so the screen's colours, the approval check and validation-as-you-type agree.
/// </summary>
public sealed class ReviewRules
{
    /// <summary>Field confidence (0–1) under which a machine-read value asks for attention.</summary>
    public const double AttentionBelowConfidence = 0.8;

    /// <summary>Keys whose values a validator can prove or refuse (the others only have a plausible shape).</summary>
    private static readonly HashSet<string> ValidatedKeys = new(StringComparer.Ordinal)
    {
        FieldKeys.IdNumber, FieldKeys.Phone, FieldKeys.Email, FieldKeys.DateOfBirth, FieldKeys.DocumentDate, FieldKeys.Amount, FieldKeys.Gender,
    };

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _required;
    private readonly FieldNormalizer _normalizer = new(ExtractionDictionary.Default);

    /// <summary>Rules with the required fields of the built-in data file.</summary>
    public ReviewRules()
        : this(LoadBuiltIn())
    {
    }

    /// <summary>Rules with the given required fields per document type (<c>*</c>: every type).</summary>
    public ReviewRules(IReadOnlyDictionary<string, IReadOnlyList<string>> required) => _required = required ?? throw new ArgumentNullException(nameof(required));

    /// <summary>The keys a document of <paramref name="documentType"/> must have.</summary>
    public IReadOnlyList<string> RequiredFor(string? documentType) =>
        [.. (_required.GetValueOrDefault("*") ?? []).Concat(_required.GetValueOrDefault(documentType ?? DocumentTypes.Other) ?? []).Distinct(StringComparer.Ordinal)];

    /// <summary>The state of a stored field.</summary>
    public FieldReviewState StateOf(ExtractedField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (string.IsNullOrWhiteSpace(field.Value))
        {
            return FieldReviewState.Missing;
        }

        if (field.ConfirmedBy is not null)
        {
            return FieldReviewState.Confirmed;
        }

        if (field.Validation == FieldValidation.Conflict || Check(field.Key, field.Value).Validation == FieldReviewState.Invalid)
        {
            return FieldReviewState.Invalid;
        }

        return field.Confidence < AttentionBelowConfidence || field.Validation == FieldValidation.Corrected ? FieldReviewState.Attention : FieldReviewState.Valid;
    }

    /// <summary>Validates a value as typed, with the extraction's normalizers and validators.</summary>
    public ValueCheck Check(string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var culture = CultureInfo.CurrentUICulture;
        if (string.IsNullOrWhiteSpace(value))
        {
            return new ValueCheck(FieldReviewState.Missing, null, UserMessages.Pick("未填写。", "No value.", culture));
        }

        var normalized = _normalizer.Normalize(key, value);
        if (!ValidatedKeys.Contains(key))
        {
            // Names, addresses, numbers without a check: any text will do; the normalizer only tidies it.
            return new ValueCheck(FieldReviewState.Valid, normalized?.Value ?? value.Trim(), null);
        }

        if (normalized is null || normalized.Validation is not (FieldValidation.Valid or FieldValidation.Corrected))
        {
            return new ValueCheck(FieldReviewState.Invalid, normalized?.Value, Refusal(key, culture));
        }

        // Part of the text only (a phone followed by more digits): the rest would be lost; say so.
        var whole = normalized.Length >= value.Trim().Length - 1;
        return whole
            ? new ValueCheck(FieldReviewState.Valid, normalized.Value, null)
            : new ValueCheck(FieldReviewState.Attention, normalized.Value, UserMessages.Pick("只识别了部分内容。", "Only part of the text was read as the value.", culture));
    }

    private static string Refusal(string key, CultureInfo culture) => key switch
    {
        FieldKeys.IdNumber => UserMessages.Pick("身份证号码无效（校验位或出生日期不符）。", "Not a valid ID number (check digit or birth date).", culture),
        FieldKeys.Phone => UserMessages.Pick("不是有效的电话号码。", "Not a valid phone number.", culture),
        FieldKeys.Email => UserMessages.Pick("不是有效的电子邮件地址。", "Not a valid e-mail address.", culture),
        FieldKeys.DateOfBirth or FieldKeys.DocumentDate => UserMessages.Pick("不是有效的日期。", "Not a valid date.", culture),
        FieldKeys.Amount => UserMessages.Pick("不是有效的金额（或与大写金额不符）。", "Not a valid amount (or it disagrees with the amount in words).", culture),
        FieldKeys.Gender => UserMessages.Pick("性别应为男或女。", "Gender must be male or female.", culture),
        _ => UserMessages.Pick("值无效。", "Not a valid value.", culture),
    };

    private static Dictionary<string, IReadOnlyList<string>> LoadBuiltIn()
    {
        using var stream = typeof(FieldNormalizer).Assembly.GetManifestResourceStream("ScanArchive.Extraction.required-fields.json")
            ?? throw new InvalidOperationException("The required-fields data file is not embedded.");
        using var json = JsonDocument.Parse(stream);
        return json.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Array)
            .ToDictionary(p => p.Name, p => (IReadOnlyList<string>)[.. p.Value.EnumerateArray().Select(v => v.GetString()!)], StringComparer.Ordinal);
    }
}
