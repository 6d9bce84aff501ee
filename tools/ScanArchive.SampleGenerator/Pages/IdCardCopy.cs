using ScanArchive.SampleGenerator.Data;
using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Rendering;
using SkiaSharp;
using static ScanArchive.SampleGenerator.Rendering.PageCanvas;

namespace ScanArchive.SampleGenerator.Pages;

/// <summary>
/// 身份证复印件: a photocopy of both sides of a resident ID card on one A4 sheet, with the usual
/// restriction written underneath ("仅供…开户使用").
/// </summary>
internal sealed class IdCardCopy : IDocumentTemplate
{
    private const float CardWidthMm = 85.6f;
    private const float CardHeightMm = 54f;

    /// <summary>Copies are usually enlarged a little so the small print stays readable.</summary>
    private const float CopyScale = 1.3f;

    private static readonly SKColor LabelBlue = new(38, 104, 170);

    public string DocType => "id_card";

    public string Language => "zh";

    public IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles s)
    {
        var r = page.Random;
        var customer = ChineseCustomers.Create(r);
        var bank = r.Pick(Companies.ChineseBanks);
        var copyDate = r.DateBetween(new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 20));

        var cardLeft = (page.Width - Mm(CardWidthMm * CopyScale)) / 2;
        DrawFront(page, s, customer, new SKPoint(cardLeft, Mm(30)));
        DrawBack(page, s, customer, copyDate, new SKPoint(cardLeft, Mm(115)));

        var noteBaseline = Mm(205);
        page.Row(noteBaseline).Text($"仅供{bank}开户使用，他用无效。", cardLeft, noteBaseline, s.ZhHand.WithSize(16));
        var dateBaseline = noteBaseline + Mm(12);
        page.Row(dateBaseline)
            .Text(customer.Name, cardLeft, dateBaseline, s.ZhHand.WithSize(16))
            .Text(DateStyles.ChineseLong(copyDate), cardLeft + Mm(40), dateBaseline, s.ZhHand.WithSize(16));

        return
        [
            new(FieldKeys.CustomerName, customer.Name),
            new(FieldKeys.Gender, GenderText.Code(customer.Gender)),
            new(FieldKeys.DateOfBirth, DateStyles.Iso(customer.BirthDate)),
            new(FieldKeys.Address, customer.Address.Full),
            new(FieldKeys.IdNumber, customer.IdNumber),
            new(FieldKeys.CompanyName, bank),
            new(FieldKeys.DocumentDate, DateStyles.Iso(copyDate)),
        ];
    }

    private static void DrawFront(PageCanvas page, PageStyles s, ChineseCustomer customer, SKPoint origin)
    {
        var card = CardOutline(page, origin, new SKColor(234, 241, 237), new SKColor(216, 229, 222));
        float X(double mm) => origin.X + Mm(mm * CopyScale);
        float Y(double mm) => origin.Y + Mm(mm * CopyScale);
        var label = new TextStyle(s.Fonts.SansSc, 8.5f * CopyScale, LabelBlue);
        var value = new TextStyle(s.Fonts.SansSc, 9.5f * CopyScale, TextStyle.Ink);

        page.Row(Y(11)).Text("姓名", X(6), Y(11), label).Text(customer.Name, X(17), Y(11), value.WithSize(11 * CopyScale));
        page.Row(Y(19)).Text("性别", X(6), Y(19), label).Text(GenderText.Chinese(customer.Gender), X(17), Y(19), value)
            .Text("民族", X(28), Y(19), label).Text(customer.Ethnicity, X(39), Y(19), value);
        page.Row(Y(27)).Text("出生", X(6), Y(27), label).Text(DateStyles.ChineseLong(customer.BirthDate), X(17), Y(27), value);

        var addressLines = TextWrapper.Wrap(customer.Address.Full, Mm(35 * CopyScale), t => Measure(t, value));
        for (var i = 0; i < addressLines.Count; i++)
        {
            var baseline = Y(35 + i * 5.2);
            var row = page.Row(baseline);
            if (i == 0)
            {
                row.Text("住址", X(6), baseline, label);
            }

            row.Text(addressLines[i], X(17), baseline, value);
        }

        var idBaseline = Y(48.5);
        page.Row(idBaseline).Text("公民身份号码", X(6), idBaseline, label)
            .Text(customer.IdNumber, X(29), idBaseline, new TextStyle(s.Fonts.Mono, 11 * CopyScale, TextStyle.Ink, LetterSpacingPt: 1.2f));

        DrawPhotoPlaceholder(page, new SKRect(X(57), Y(7), X(80), Y(37)));
        page.Canvas.DrawRoundRect(card, Mm(3.5), Mm(3.5), Stroke(new SKColor(120, 120, 120), 3f));
    }

    private static void DrawBack(PageCanvas page, PageStyles s, ChineseCustomer customer, DateOnly copyDate, SKPoint origin)
    {
        var card = CardOutline(page, origin, new SKColor(239, 239, 230), new SKColor(226, 220, 208));
        float X(double mm) => origin.X + Mm(mm * CopyScale);
        float Y(double mm) => origin.Y + Mm(mm * CopyScale);

        DrawEmblem(page, new SKPoint(X(14), Y(14)), Mm(9 * CopyScale));
        var titleStyle = new TextStyle(s.Fonts.SansScBold, 12 * CopyScale, TextStyle.Ink);
        page.Row(Y(13)).Text("中华人民共和国", X(30), Y(13), titleStyle);
        page.Row(Y(25)).Text("居民身份证", X(30), Y(25), titleStyle.WithSize(18 * CopyScale) with { LetterSpacingPt = 4 });

        var label = new TextStyle(s.Fonts.SansSc, 8.5f * CopyScale, TextStyle.Ink);
        var value = new TextStyle(s.Fonts.SansSc, 9.5f * CopyScale, TextStyle.Ink);
        var issued = ValidFrom(customer, copyDate, page.Random);
        var years = (issued.Year - customer.BirthDate.Year) switch
        {
            < 26 => 10,
            < 46 => 20,
            _ => 0,
        };
        var validity = years == 0 ? $"{DateStyles.Dotted(issued)}-长期" : $"{DateStyles.Dotted(issued)}-{DateStyles.Dotted(issued.AddYears(years))}";
        page.Row(Y(41)).Text("签发机关", X(14), Y(41), label).Text(customer.Address.IssuingAuthority, X(30), Y(41), value);
        page.Row(Y(48)).Text("有效期限", X(14), Y(48), label).Text(validity, X(30), Y(48), value);
        page.Canvas.DrawRoundRect(card, Mm(3.5), Mm(3.5), Stroke(new SKColor(120, 120, 120), 3f));
    }

    /// <summary>A card still valid on the copy date: issued up to ten years earlier, after the 16th birthday.</summary>
    private static DateOnly ValidFrom(ChineseCustomer customer, DateOnly copyDate, Random random)
    {
        var earliest = customer.BirthDate.AddYears(16);
        var start = copyDate.AddYears(-9) > earliest ? copyDate.AddYears(-9) : earliest;
        return random.DateBetween(start, copyDate.AddDays(-30));
    }

    private static SKRect CardOutline(PageCanvas page, SKPoint origin, SKColor background, SKColor pattern)
    {
        var card = new SKRect(origin.X, origin.Y, origin.X + Mm(CardWidthMm * CopyScale), origin.Y + Mm(CardHeightMm * CopyScale));
        using var fill = new SKPaint { Color = background, IsAntialias = true };
        page.Canvas.DrawRoundRect(card, Mm(3.5), Mm(3.5), fill);

        // Security guilloche: faint interlaced waves, drawn before any text.
        page.Canvas.Save();
        page.Canvas.ClipRoundRect(new SKRoundRect(card, Mm(3.5)), antialias: true);
        using var wave = Stroke(pattern, 2f);
        for (var k = 0; k < 14; k++)
        {
            using var path = new SKPath();
            for (var x = card.Left; x <= card.Right; x += 6)
            {
                var y = card.Top + card.Height * (k + 0.5f) / 14 + MathF.Sin((x - card.Left) / 55f + k) * Mm(2.2);
                if (x == card.Left)
                {
                    path.MoveTo(x, y);
                }
                else
                {
                    path.LineTo(x, y);
                }
            }

            page.Canvas.DrawPath(path, wave);
        }

        page.Canvas.Restore();
        return card;
    }

    /// <summary>Grey head-and-shoulders silhouette where the photo is; no text, so nothing to transcribe.</summary>
    private static void DrawPhotoPlaceholder(PageCanvas page, SKRect box)
    {
        page.Fill(box, new SKColor(200, 200, 200));
        using var shape = new SKPaint { Color = new SKColor(150, 150, 150), IsAntialias = true };
        page.Canvas.DrawOval(new SKPoint(box.MidX, box.Top + box.Height * 0.38f), new SKSize(box.Width * 0.22f, box.Height * 0.2f), shape);
        page.Canvas.Save();
        page.Canvas.ClipRect(box);
        page.Canvas.DrawOval(new SKPoint(box.MidX, box.Bottom + box.Height * 0.08f), new SKSize(box.Width * 0.45f, box.Height * 0.32f), shape);
        page.Canvas.Restore();
    }

    /// <summary>Stylised national emblem (rings and star) without any lettering.</summary>
    private static void DrawEmblem(PageCanvas page, SKPoint center, float radius)
    {
        using var gold = new SKPaint { Color = new SKColor(196, 150, 40), IsAntialias = true };
        using var red = new SKPaint { Color = new SKColor(200, 40, 40), IsAntialias = true };
        page.Canvas.DrawCircle(center, radius, gold);
        page.Canvas.DrawCircle(center, radius * 0.8f, red);
        using var star = Shapes.Star(center, radius * 0.45f, 0.4f);
        page.Canvas.DrawPath(star, gold);
    }

    private static SKPaint Stroke(SKColor color, float width) =>
        new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
}
