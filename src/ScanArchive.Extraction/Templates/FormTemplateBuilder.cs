using ScanArchive.Core.Analysis;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Extraction.Layout;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction.Templates;

/// <summary>Makes a zone template from a page whose fields a reviewer confirmed.</summary>
public static class FormTemplateBuilder
{
    /// <summary>Most anchors kept: enough to survive OCR misses, few enough to match quickly.</summary>
    public const int MaxAnchors = 40;

    /// <summary>
    /// Builds a template: each confirmed field's box becomes a zone (widened to the right for longer values, up to the
    /// next label), and the page's printed labels outside the zones, each occurring once on the page, become anchors.
    /// </summary>
    /// <param name="name">Template name (unique; used as its file name).</param>
    /// <param name="docType">The form's document type.</param>
    /// <param name="page">The recognized page.</param>
    /// <param name="confirmedFields">The reviewer-confirmed fields; those on other pages are ignored.</param>
    /// <param name="pageNumber">The page's 1-based number in its document.</param>
    /// <param name="dictionary">Labels to prefer as anchors (default: built-in).</param>
    /// <exception cref="ArgumentException">The page has fewer than <see cref="FormTemplateMatcher.MinAnchors"/> usable anchors or no field on it.</exception>
    public static FormTemplate FromConfirmedPage(string name, string docType, OcrPage page, IEnumerable<ExtractedField> confirmedFields, int pageNumber = 1, ExtractionDictionary? dictionary = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(confirmedFields);
        dictionary ??= ExtractionDictionary.Default;
        var layout = PageLayout.Build(page, pageNumber);
        var finder = new PageFieldFinder(dictionary, new FieldNormalizer(dictionary));
        var hits = layout.Rows.SelectMany(finder.FindLabels).ToList();
        var fields = confirmedFields.Where(f => f.Page == pageNumber && FieldKeys.IsCanonical(f.Key) && f.Box.Width > 0).ToList();
        if (fields.Count == 0)
        {
            throw new ArgumentException("No confirmed field is on this page.", nameof(confirmedFields));
        }

        var zones = fields.Select(f => new TemplateZone(f.Key, ZoneFor(f, layout, hits), f.Label)).ToList();

        // Anchors: dictionary labels first (they are printed on every copy of the form), then other label-like text.
        var counts = layout.Rows.SelectMany(r => r.Cells).GroupBy(c => HalfWidth.LabelKey(c.Text)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var anchors = new List<TemplateAnchor>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits.OrderBy(h => h.Entry is null ? 1 : 0))
        {
            var key = HalfWidth.LabelKey(hit.Text);
            if (key.Length < 2 || !used.Add(key) || hits.Count(h => HalfWidth.LabelKey(h.Text) == key) > 1 || zones.Any(z => Intersects(z.Region, hit.Box)))
            {
                continue;
            }

            anchors.Add(new TemplateAnchor(hit.Text, LayoutText.Union(hit.Tokens.Where(t => !t.IsColon))));
        }

        foreach (var cell in layout.Rows.SelectMany(r => r.Cells))
        {
            var key = HalfWidth.LabelKey(cell.Text);
            if (anchors.Count >= MaxAnchors)
            {
                break;
            }

            if (key.Length < 3 || counts.GetValueOrDefault(key) != 1 || !used.Add(key) || key.Count(char.IsLetter) < 2 || zones.Any(z => Intersects(z.Region, cell.Box)))
            {
                continue;
            }

            anchors.Add(new TemplateAnchor(cell.Text, cell.Box));
        }

        if (anchors.Count < FormTemplateMatcher.MinAnchors)
        {
            throw new ArgumentException($"The page has only {anchors.Count} printed labels to anchor a template on; at least {FormTemplateMatcher.MinAnchors} are needed.", nameof(page));
        }

        return new FormTemplate(name, docType, layout.Width, layout.Height, anchors.Take(MaxAnchors).ToList(), zones);
    }

    /// <summary>The field's box (in the layout's upright frame), padded, and widened to the right up to the next label on its row (values vary in length).</summary>
    private static PixelBox ZoneFor(ExtractedField field, PageLayout layout, List<LabelHit> hits)
    {
        var box = layout.ToUpright(field.Box);
        var pad = (int)Math.Round(Math.Max(layout.TextHeight, 10) * 0.5);
        var nextLabel = hits
            .Where(h => h.Box.X >= box.Right && h.Box.VerticalOverlap(box) > 0)
            .Select(h => h.Box.X)
            .DefaultIfEmpty(Math.Min(layout.Width, box.Right + (layout.Width / 4)))
            .Min();
        var right = Math.Max(box.Right + pad, nextLabel - pad);
        return PixelBox.FromEdges(Math.Max(0, box.X - pad), Math.Max(0, box.Y - pad), Math.Min(layout.Width, right), Math.Min(layout.Height, box.Bottom + pad));
    }

    private static bool Intersects(PixelBox a, PixelBox b) =>
        Math.Min(a.Right, b.Right) > Math.Max(a.X, b.X) && Math.Min(a.Bottom, b.Bottom) > Math.Max(a.Y, b.Y);
}
