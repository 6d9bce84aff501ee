using ScanArchive.Core.Analysis;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.Extraction.Layout;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction.Templates;

/// <summary>A template found on a page, with the mapping from template pixels to page pixels.</summary>
/// <param name="Template">The template.</param>
/// <param name="Score">Fraction of the template's anchors found where the mapping puts them.</param>
/// <param name="AnchorsFound">How many anchors agree with the mapping.</param>
/// <param name="Scale">Page pixels per template pixel.</param>
/// <param name="OffsetX">Horizontal shift, page pixels.</param>
/// <param name="OffsetY">Vertical shift, page pixels.</param>
public sealed record TemplateMatch(FormTemplate Template, double Score, int AnchorsFound, double Scale, double OffsetX, double OffsetY)
{
    /// <summary>Maps a box from template pixels to page pixels.</summary>
    public PixelBox Map(PixelBox box) => PixelBox.FromEdges(
        (int)Math.Round((box.X * Scale) + OffsetX),
        (int)Math.Round((box.Y * Scale) + OffsetY),
        (int)Math.Round((box.Right * Scale) + OffsetX),
        (int)Math.Round((box.Bottom * Scale) + OffsetY));
}

/// <summary>
/// Finds which zone template (if any) a page is an instance of, by locating the template's anchor texts and fitting the
/// scale and shift that align most of them, then reads each zone's words as the field's value.
/// </summary>
public sealed class FormTemplateMatcher
{
    /// <summary>Fewest anchors that must agree for a match.</summary>
    public const int MinAnchors = 3;

    /// <summary>Smallest fraction of a template's anchors that must agree for a match.</summary>
    public const double MinScore = 0.5;

    private readonly FieldNormalizer _normalizer;

    /// <summary>Creates a matcher over a set of templates.</summary>
    public FormTemplateMatcher(IEnumerable<FormTemplate> templates, FieldNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(templates);
        Templates = templates.ToList();
        _normalizer = normalizer ?? throw new ArgumentNullException(nameof(normalizer));
    }

    /// <summary>The templates tried.</summary>
    public IReadOnlyList<FormTemplate> Templates { get; }

    /// <summary>The best-matching template for a page, or null when none matches.</summary>
    public TemplateMatch? Match(OcrPage page) => Match(PageLayout.Build(page, 1));

    /// <summary>The fields a matching template's zones hold on a page (empty when no template matches).</summary>
    public IReadOnlyList<ExtractedField> ExtractFields(OcrPage page, int pageNumber = 1)
    {
        var layout = PageLayout.Build(page, pageNumber);
        return Match(layout) is { } match
            ? Extract(match, layout).GroupBy(c => c.Key).Select(g => g.OrderByDescending(c => c.Score).First())
                .Select(c => new ExtractedField(c.Key, c.Normalized.Value, c.Raw, Math.Round(c.Confidence, 3), c.Page, c.Box)
                {
                    Validation = c.Normalized.Validation,
                    Source = FieldSource.Template,
                    Label = c.Label,
                }).ToList()
            : [];
    }

    internal TemplateMatch? Match(PageLayout layout)
    {
        TemplateMatch? best = null;
        foreach (var template in Templates)
        {
            if (Fit(template, layout) is { } match && (best is null || match.Score > best.Score))
            {
                best = match;
            }
        }

        return best;
    }

    internal IEnumerable<FieldCandidate> Extract(TemplateMatch match, PageLayout layout)
    {
        foreach (var zone in match.Template.Zones)
        {
            var region = match.Map(zone.Region);
            var rows = layout.Rows
                .Select(r => r.Tokens.Where(t => Contains(region, t.Box)).ToList())
                .Where(tokens => tokens.Count > 0)
                .ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var tokens = rows.SelectMany(t => t).ToList();
            var text = string.Join(" ", rows.Select(r => LayoutText.Join(r).Text));
            if (FieldKeys.IsCanonical(zone.Key) && _normalizer.Normalize(zone.Key, text) is { } normalized)
            {
                var ocr = LayoutText.Confidence(tokens);
                var validation = normalized.Validation == FieldValidation.Corrected ? 0.85 : 1.0;
                yield return new FieldCandidate(
                    zone.Key,
                    normalized,
                    text.Substring(normalized.Index, Math.Min(normalized.Length, text.Length - normalized.Index)).Trim(),
                    tokens,
                    layout.Number,
                    1.5 * match.Score * normalized.Quality * validation,
                    Math.Clamp(ocr * normalized.Quality * validation * Math.Min(1, 0.5 + match.Score), 0, 1),
                    FieldSource.Template,
                    zone.Label);
            }
        }
    }

    private static bool Contains(PixelBox region, PixelBox box)
    {
        var cx = box.X + (box.Width / 2.0);
        var cy = box.CenterY;
        return cx >= region.X && cx < region.Right && cy >= region.Y && cy < region.Bottom;
    }

    private static TemplateMatch? Fit(FormTemplate template, PageLayout layout)
    {
        if (template.Anchors.Count < MinAnchors)
        {
            return null;
        }

        // Where each anchor's text occurs on the page (centres).
        var wanted = template.Anchors.Select(a => HalfWidth.LabelKey(a.Text)).ToList();
        var occurrences = wanted.Select(_ => new List<(double X, double Y)>()).ToList();
        var index = wanted.Select((k, i) => (k, i)).Where(p => p.k.Length > 0).GroupBy(p => p.k).ToDictionary(g => g.Key, g => g.Select(p => p.i).ToList(), StringComparer.Ordinal);
        var longest = wanted.Count == 0 ? 0 : wanted.Max(k => k.Length);
        foreach (var row in layout.Rows)
        {
            for (var i = 0; i < row.Tokens.Count; i++)
            {
                var key = string.Empty;
                for (var j = i; j < row.Tokens.Count && j < i + 8; j++)
                {
                    key += row.Tokens[j].Key;
                    if (key.Length > longest)
                    {
                        break;
                    }

                    if (index.TryGetValue(key, out var anchors))
                    {
                        var box = LayoutText.Union(row.Tokens.Skip(i).Take(j - i + 1));
                        foreach (var a in anchors)
                        {
                            occurrences[a].Add((box.X + (box.Width / 2.0), box.CenterY));
                        }
                    }
                }
            }
        }

        var tolerance = Math.Max(20, 0.015 * Math.Max(layout.Width, layout.Height));
        var found = occurrences.Select((o, i) => (Anchor: i, Points: o)).Where(o => o.Points.Count is > 0 and <= 3).ToList();
        if (found.Count < MinAnchors)
        {
            return null;
        }

        (double Scale, double Dx, double Dy, List<(int Anchor, (double X, double Y) Point)> Inliers)? best = null;
        for (var a = 0; a < found.Count; a++)
        {
            for (var b = a + 1; b < found.Count; b++)
            {
                var ta = Center(template.Anchors[found[a].Anchor].Box);
                var tb = Center(template.Anchors[found[b].Anchor].Box);
                var templateDistance = Distance(ta, tb);
                if (templateDistance < tolerance)
                {
                    continue;
                }

                foreach (var pa in found[a].Points)
                {
                    foreach (var pb in found[b].Points)
                    {
                        var scale = Distance(pa, pb) / templateDistance;
                        if (scale is < 0.3 or > 3.5)
                        {
                            continue;
                        }

                        var dx = pa.X - (ta.X * scale);
                        var dy = pa.Y - (ta.Y * scale);
                        var inliers = Inliers(template, found, scale, dx, dy, tolerance);
                        if (best is null || inliers.Count > best.Value.Inliers.Count)
                        {
                            best = (scale, dx, dy, inliers);
                        }
                    }
                }
            }
        }

        if (best is not { } fit || fit.Inliers.Count < MinAnchors)
        {
            return null;
        }

        // Refine on the agreeing anchors (least squares for one scale and a shift).
        var (s, ox, oy) = LeastSquares(fit.Inliers.Select(p => (Center(template.Anchors[p.Anchor].Box), p.Point)).ToList());
        var refined = Inliers(template, found, s, ox, oy, tolerance);
        if (refined.Count < fit.Inliers.Count)
        {
            (s, ox, oy, refined) = (fit.Scale, fit.Dx, fit.Dy, fit.Inliers);
        }

        var score = refined.Count / (double)template.Anchors.Count;
        return refined.Count >= MinAnchors && score >= MinScore ? new TemplateMatch(template, score, refined.Count, s, ox, oy) : null;
    }

    private static List<(int Anchor, (double X, double Y) Point)> Inliers(FormTemplate template, List<(int Anchor, List<(double X, double Y)> Points)> found, double scale, double dx, double dy, double tolerance)
    {
        var inliers = new List<(int, (double, double))>();
        foreach (var (anchor, points) in found)
        {
            var t = Center(template.Anchors[anchor].Box);
            var predicted = ((t.X * scale) + dx, (t.Y * scale) + dy);
            var nearest = points.OrderBy(p => Distance(p, predicted)).First();
            if (Distance(nearest, predicted) <= tolerance)
            {
                inliers.Add((anchor, nearest));
            }
        }

        return inliers;
    }

    private static (double Scale, double Dx, double Dy) LeastSquares(List<((double X, double Y) From, (double X, double Y) To)> pairs)
    {
        var n = pairs.Count;
        var mfx = pairs.Average(p => p.From.X);
        var mfy = pairs.Average(p => p.From.Y);
        var mtx = pairs.Average(p => p.To.X);
        var mty = pairs.Average(p => p.To.Y);
        double num = 0;
        double den = 0;
        foreach (var (from, to) in pairs)
        {
            num += ((from.X - mfx) * (to.X - mtx)) + ((from.Y - mfy) * (to.Y - mty));
            den += ((from.X - mfx) * (from.X - mfx)) + ((from.Y - mfy) * (from.Y - mfy));
        }

        var scale = den > 0 && n > 1 ? num / den : 1;
        return (scale, mtx - (scale * mfx), mty - (scale * mfy));
    }

    private static (double X, double Y) Center(PixelBox box) => (box.X + (box.Width / 2.0), box.CenterY);

    private static double Distance((double X, double Y) a, (double X, double Y) b) =>
        Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
