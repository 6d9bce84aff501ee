using ScanArchive.Core.Extraction;
using ScanArchive.Core.Ocr;
using ScanArchive.Extraction.Layout;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction;

/// <summary>The type a document was classified as.</summary>
/// <param name="Type">One of <see cref="DocumentTypes"/> (or a type the data file adds).</param>
/// <param name="Confidence">0–1: how clearly it beat the runner-up (0 for <see cref="DocumentTypes.Other"/>).</param>
/// <param name="Score">The winning type's score.</param>
public sealed record DocumentClassification(string Type, double Confidence, double Score);

/// <summary>
/// Classifies documents by keyword and layout scoring from the data file (<c>Data/doctypes.json</c>): title phrases
/// count more when printed in the first page's title zone or in large text; keywords count wherever they are.
/// </summary>
public sealed class DocumentTypeClassifier
{
    private readonly ExtractionDictionary _dictionary;

    /// <summary>Creates a classifier over a dictionary's document type rules.</summary>
    public DocumentTypeClassifier(ExtractionDictionary dictionary)
    {
        _dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary));
    }

    /// <summary>Classifies a document from its recognized pages.</summary>
    public DocumentClassification Classify(IReadOnlyList<OcrPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return Classify(pages.Select((p, i) => PageLayout.Build(p, i + 1)).ToList());
    }

    internal DocumentClassification Classify(IReadOnlyList<PageLayout> pages)
    {
        var title = new System.Text.StringBuilder();
        var body = new System.Text.StringBuilder();
        foreach (var page in pages)
        {
            foreach (var row in page.Rows)
            {
                var key = HalfWidth.LabelKey(row.Text);
                body.Append(key).Append('|');
                var inTitleZone = page.Number == 1 && row.Box.Bottom <= page.Height * _dictionary.TitleZone;
                var large = page.TextHeight > 0 && row.Height >= 1.4 * page.TextHeight;
                if (inTitleZone || large)
                {
                    title.Append(key).Append('|');
                }
            }
        }

        var titleText = title.ToString();
        var bodyText = body.ToString();
        var scores = new List<(string Type, double Score)>();
        foreach (var rule in _dictionary.DocumentTypes)
        {
            double score = 0;
            foreach (var (phrase, weight) in rule.Titles)
            {
                if (titleText.Contains(phrase, StringComparison.Ordinal))
                {
                    score += weight * _dictionary.TitleBonus;
                }
                else if (bodyText.Contains(phrase, StringComparison.Ordinal))
                {
                    score += weight;
                }
            }

            foreach (var (phrase, weight) in rule.Keywords)
            {
                if (bodyText.Contains(phrase, StringComparison.Ordinal))
                {
                    score += weight;
                }
            }

            scores.Add((rule.Type, score));
        }

        var ranked = scores.OrderByDescending(s => s.Score).ToList();
        if (ranked.Count == 0 || ranked[0].Score < _dictionary.MinTypeScore)
        {
            return new DocumentClassification(DocumentTypes.Other, 0, ranked.Count == 0 ? 0 : ranked[0].Score);
        }

        var best = ranked[0].Score;
        var second = ranked.Count > 1 ? ranked[1].Score : 0;
        return new DocumentClassification(ranked[0].Type, Math.Clamp((best - second) / best, 0, 1), best);
    }
}
