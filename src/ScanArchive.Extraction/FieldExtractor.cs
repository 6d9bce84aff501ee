using System.Globalization;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Ocr;
using ScanArchive.Extraction.Layout;
using ScanArchive.Extraction.Normalization;
using ScanArchive.Extraction.Templates;

namespace ScanArchive.Extraction;

/// <summary>
/// Extracts canonical fields, label/value pairs and the document type from recognized pages: a matching zone template
/// first, then layout (label → value right, after a colon, or below), then values that carry their own shape; values are
/// validated and normalized, and fields are cross-checked (resident ID birth date and gender, 大写 against the amount).
/// </summary>
public sealed class FieldExtractor : IFieldExtractor
{
    private readonly ExtractionDictionary _dictionary;
    private readonly FieldNormalizer _normalizer;
    private readonly PageFieldFinder _finder;
    private readonly DocumentTypeClassifier _classifier;
    private readonly FormTemplateMatcher _templates;

    /// <summary>Creates an extractor.</summary>
    /// <param name="dictionary">Labels and phrases (default: the built-in data files).</param>
    /// <param name="templates">Zone templates of known forms, tried before the generic method.</param>
    public FieldExtractor(ExtractionDictionary? dictionary = null, IEnumerable<FormTemplate>? templates = null)
    {
        _dictionary = dictionary ?? ExtractionDictionary.Default;
        _normalizer = new FieldNormalizer(_dictionary);
        _finder = new PageFieldFinder(_dictionary, _normalizer);
        _classifier = new DocumentTypeClassifier(_dictionary);
        _templates = new FormTemplateMatcher(templates ?? [], _normalizer);
    }

    /// <inheritdoc/>
    public DocumentExtraction Extract(IReadOnlyList<OcrPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (pages.Count == 0)
        {
            return DocumentExtraction.Empty;
        }

        var layouts = pages.Select((p, i) => PageLayout.Build(p, i + 1)).ToList();
        var classification = _classifier.Classify(layouts);
        var candidates = new List<FieldCandidate>();
        var pairs = new List<ExtractedPair>();
        var chineseAmounts = new List<(WrittenAmount Written, int Page)>();
        var labeledKeys = new HashSet<string>(StringComparer.Ordinal);
        var payments = new List<ReceiptPayment>();
        string? templateName = null;
        foreach (var layout in layouts)
        {
            if (_templates.Match(layout) is { } match)
            {
                templateName ??= match.Template.Name;
                candidates.AddRange(_templates.Extract(match, layout));
            }

            var findings = _finder.Find(layout);
            candidates.AddRange(findings.Candidates);
            pairs.AddRange(findings.Pairs);
            chineseAmounts.AddRange(findings.ChineseAmounts.Select(c => (c, layout.Number)));
            labeledKeys.UnionWith(findings.LabeledKeys);
            if (findings.Payment is { } payment)
            {
                payments.Add(payment);
            }
        }

        var templateType = templateName is null ? null : _templates.Templates.First(t => t.Name == templateName).DocType;
        var fields = Select(candidates);
        CrossCheck(fields, candidates, chineseAmounts, labeledKeys);
        if (chineseAmounts.Count == 0 && payments.Count > 0)
        {
            CheckAmountAgainstPayment(fields, candidates, payments[0]);
        }

        return new DocumentExtraction
        {
            Fields = FieldKeys.All.Where(fields.ContainsKey).Select(k => fields[k]).ToList(),
            Pairs = pairs,
            DocType = templateType ?? classification.Type,
            DocTypeConfidence = templateType is null ? classification.Confidence : 1,
            TemplateName = templateName,
        };
    }

    /// <summary>Best candidate per key, highest score first; evidence used by one field is not reused for another.</summary>
    private static Dictionary<string, ExtractedField> Select(List<FieldCandidate> candidates)
    {
        // A bare date that equals the birth date in the resident ID is the birth date, not the document's date.
        var birth = candidates
            .Where(c => c.Key == FieldKeys.IdNumber && ResidentIdNumber.TryParse(c.Normalized.Value, out _))
            .OrderByDescending(c => c.Score)
            .Select(c => ResidentIdNumber.TryParse(c.Normalized.Value, out var info) ? DateNormalizer.ToIso(info.BirthDate) : null)
            .FirstOrDefault();

        var selected = new Dictionary<string, ExtractedField>(StringComparer.Ordinal);
        var claimed = new Dictionary<LayoutToken, string>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Score))
        {
            if (selected.ContainsKey(candidate.Key) ||
                candidate.Tokens.Any(t => claimed.TryGetValue(t, out var owner) && owner != candidate.Key) ||
                (candidate.Key == FieldKeys.DocumentDate && candidate.Source == FieldSource.Shape && candidate.Normalized.Value == birth))
            {
                continue;
            }

            selected[candidate.Key] = ToField(candidate);
            foreach (var token in candidate.Tokens)
            {
                claimed[token] = candidate.Key;
            }
        }

        return selected;
    }

    private static ExtractedField ToField(FieldCandidate c) =>
        new(c.Key, c.Normalized.Value, c.Raw, Math.Round(c.Confidence, 3), c.Page, c.Box)
        {
            Validation = c.Normalized.Validation,
            Source = c.Source,
            Label = c.Label,
        };

    private static void CrossCheck(
        Dictionary<string, ExtractedField> fields,
        List<FieldCandidate> candidates,
        List<(WrittenAmount Written, int Page)> chineseAmounts,
        HashSet<string> labeledKeys)
    {
        if (fields.TryGetValue(FieldKeys.IdNumber, out var id) && ResidentIdNumber.TryParse(id.Value, out var info))
        {
            CheckAgainstId(fields, FieldKeys.DateOfBirth, DateNormalizer.ToIso(info.BirthDate), id, labeledKeys);
            CheckAgainstId(fields, FieldKeys.Gender, info.Gender.ToString(), id, labeledKeys);
        }

        CheckAmountAgainstWritten(fields, candidates, chineseAmounts);

        // The name in its field agreeing with the signature is as good as a second reading.
        if (fields.TryGetValue(FieldKeys.CustomerName, out var name) &&
            candidates.Any(c => c.Key == FieldKeys.CustomerName && c.Normalized.Value == name.Value && c.Label != name.Label))
        {
            fields[FieldKeys.CustomerName] = name with { Confidence = Boost(name.Confidence) };
        }
        else if (fields.TryGetValue(FieldKeys.CustomerName, out name))
        {
            ReconcileNameReadings(fields, name, candidates);
        }
    }

    /// <summary>
    /// The name and a second reading of it elsewhere on the page (the signature line) one character apart: the character
    /// the engine read with more confidence is kept. Still unchecked, with less confidence, for the reviewer.
    /// </summary>
    private static void ReconcileNameReadings(Dictionary<string, ExtractedField> fields, ExtractedField name, List<FieldCandidate> candidates)
    {
        var chosen = candidates.FirstOrDefault(c => c.Key == FieldKeys.CustomerName && c.Normalized.Value == name.Value && c.Label == name.Label);
        if (chosen is null || CharacterConfidences(chosen) is not { } chosenChars)
        {
            return;
        }

        foreach (var other in candidates.Where(c => c.Key == FieldKeys.CustomerName && c.Label != name.Label).OrderByDescending(c => c.Score))
        {
            if (CharacterConfidences(other) is { } otherChars && PersonNames.Reconcile(chosenChars, otherChars) is { } reconciled)
            {
                fields[FieldKeys.CustomerName] = name with { Value = reconciled, Confidence = Math.Round(name.Confidence * 0.8, 3) };
                return;
            }
        }
    }

    /// <summary>Each character of a candidate's value with the OCR confidence of the word it was read in, or null when they do not line up.</summary>
    private static List<(char Char, double Confidence)>? CharacterConfidences(FieldCandidate candidate)
    {
        var chars = candidate.Tokens
            .SelectMany(t => t.Text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).Select(c => (Char: c, t.Confidence)))
            .ToList();
        return string.Concat(chars.Select(c => c.Char)) == candidate.Normalized.Value ? chars : null;
    }

    /// <summary>
    /// Cross-checks a receipt's total with what was paid (amount tendered minus change): a total that equals it is
    /// confirmed; else a candidate or an amount printed without its label (a total whose label OCR lost, a subtotal
    /// incl. tax) that equals it wins; else a total one character off (35.00 for 35.80) and read less surely than the
    /// payment lines is corrected. Otherwise the total
    /// stands: the cash line may be the misread one.
    /// </summary>
    private static void CheckAmountAgainstPayment(Dictionary<string, ExtractedField> fields, List<FieldCandidate> candidates, ReceiptPayment payment)
    {
        var paid = AmountNormalizer.Format(payment.Paid);
        if (payment.Paid <= 0)
        {
            return;
        }

        fields.TryGetValue(FieldKeys.Amount, out var total);
        if (total?.Value == paid)
        {
            fields[FieldKeys.Amount] = total with { Confidence = Boost(total.Confidence), Validation = FieldValidation.Valid };
            return;
        }

        var agreeing = candidates.Where(c => c.Key == FieldKeys.Amount && c.Normalized.Value == paid).OrderByDescending(c => c.Score).FirstOrDefault()
                       ?? (payment.Matches.Count > 0 ? payment.Matches[0] : null);
        if (agreeing is not null)
        {
            var field = ToField(agreeing);
            fields[FieldKeys.Amount] = field with { Confidence = Boost(field.Confidence), Validation = FieldValidation.Valid };
            return;
        }

        // One digit apart: whichever figure the engine was less sure of is the misread one.
        if (total is not null && AmountNormalizer.DiffersInOneCharacter(total.Value, paid) && total.Confidence < payment.Confidence)
        {
            fields[FieldKeys.Amount] = total with { Value = paid, Confidence = Math.Round(total.Confidence * 0.8, 3), Validation = FieldValidation.Corrected };
        }
    }

    /// <summary>
    /// Cross-checks the amount with the amount written in 大写. A candidate the 大写 confirms wins over the one scored best
    /// (a subtotal, a unit price); a candidate equal to it but for one leading digit is the total with its currency sign
    /// read as a digit (¥37,480.00 → 837,480.00) and is corrected. A 大写 that needed a look-alike fixed (染 for 柒) only
    /// confirms or corrects digits, never stands alone. Disagreement lowers the confidence and flags a conflict.
    /// </summary>
    private static void CheckAmountAgainstWritten(
        Dictionary<string, ExtractedField> fields,
        List<FieldCandidate> candidates,
        List<(WrittenAmount Written, int Page)> writtenAmounts)
    {
        if (writtenAmounts.Count == 0)
        {
            return;
        }

        var amounts = candidates.Where(c => c.Key == FieldKeys.Amount).OrderByDescending(c => c.Score).ToList();
        var readings = writtenAmounts.OrderBy(w => w.Written.Corrected).ToList();
        foreach (var (written, _) in readings)
        {
            var value = AmountNormalizer.Format(written.Amount);
            if (amounts.FirstOrDefault(c => c.Normalized.Value == value) is { } agreeing)
            {
                var field = ToField(agreeing);
                fields[FieldKeys.Amount] = field with { Confidence = Boost(field.Confidence), Validation = FieldValidation.Valid };
                return;
            }
        }

        foreach (var (written, _) in readings)
        {
            if (amounts.FirstOrDefault(c => decimal.TryParse(c.Normalized.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var read) &&
                                             AmountNormalizer.IsCurrencySignMisread(read, written.Amount)) is { } misread)
            {
                var field = ToField(misread);
                fields[FieldKeys.Amount] = field with
                {
                    Value = AmountNormalizer.Format(written.Amount),
                    Confidence = Math.Round(field.Confidence * 0.9, 3),
                    Validation = FieldValidation.Corrected,
                };
                return;
            }
        }

        if (readings.FirstOrDefault(r => !r.Written.Corrected) is not { Written: not null } exact)
        {
            // Only look-alike readings: too weak to contradict or replace the digits.
            return;
        }

        if (fields.TryGetValue(FieldKeys.Amount, out var digits))
        {
            fields[FieldKeys.Amount] = digits with { Confidence = Math.Round(digits.Confidence * 0.5, 3), Validation = FieldValidation.Conflict };
        }
        else
        {
            var tokens = exact.Written.Tokens;
            fields[FieldKeys.Amount] = new ExtractedField(FieldKeys.Amount, AmountNormalizer.Format(exact.Written.Amount), LayoutText.Join(tokens).Text, Math.Round(LayoutText.Confidence(tokens) * 0.9, 3), exact.Page, LayoutText.PageUnion(tokens))
            {
                Validation = FieldValidation.Valid,
                Source = FieldSource.Derived,
            };
        }
    }

    /// <summary>
    /// Cross-checks a printed birth date or gender with the resident ID. When the form prints the field but its value
    /// could not be read, the ID (whose check character passed) supplies it.
    /// </summary>
    private static void CheckAgainstId(Dictionary<string, ExtractedField> fields, string key, string fromId, ExtractedField id, HashSet<string> labeledKeys)
    {
        if (fields.TryGetValue(key, out var printed))
        {
            fields[key] = printed.Value == fromId
                ? printed with { Confidence = Boost(printed.Confidence), Validation = FieldValidation.Valid }
                : printed with { Confidence = printed.Confidence * 0.5, Validation = FieldValidation.Conflict };
            var current = fields[FieldKeys.IdNumber];
            if (printed.Value != fromId && current.Validation != FieldValidation.Conflict)
            {
                fields[FieldKeys.IdNumber] = current with { Validation = FieldValidation.Conflict, Confidence = Math.Round(current.Confidence * 0.8, 3) };
            }
        }
        else if (labeledKeys.Contains(key))
        {
            fields[key] = new ExtractedField(key, fromId, id.Raw, Math.Round(id.Confidence * 0.9, 3), id.Page, id.Box)
            {
                Validation = FieldValidation.Valid,
                Source = FieldSource.Derived,
            };
        }
    }

    /// <summary>Halves the remaining doubt: a second, independent reading agreeing.</summary>
    private static double Boost(double confidence) => Math.Round(1 - ((1 - confidence) * 0.5), 3);
}
