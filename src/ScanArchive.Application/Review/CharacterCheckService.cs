using System.Globalization;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Ocr;
using ScanArchive.Core.Text;

namespace ScanArchive.Application.Review;

/// <summary>
/// The character check (group verification): every doubtful character of a batch beside its image crop, grouped by
/// the character it was read as, so that a reviewer confirms or fixes dozens at once. Verdicts go into the pages'
/// stored recognition (the text that commit gives the entries and the search index); a confirmed or fixed character
/// gets full confidence, so it is not listed again. The entries' PDF text layer is Tesseract's own rendering and is
/// not rewritten (see README).
/// </summary>
public sealed class CharacterCheckService(ArchiveHost host)
{
    /// <summary>Default confidence (0–1) under which a character is listed.</summary>
    public const double DefaultBelow = 0.6;

    /// <summary>Most characters one listing holds (a screen's worth; the rest follow once these are done).</summary>
    public const int MaxCharacters = 1500;

    /// <summary>Most verdicts one request may carry.</summary>
    public const int MaxFixes = 5000;

    /// <summary>Confidence a person's verdict gives a character.</summary>
    private const float ConfirmedConfidence = 100;

    private IArchiveStore Store => host.Store;

    /// <summary>Doubtful characters of the batch (confidence under <paramref name="below"/>, 0–1), grouped by character.</summary>
    public CharacterCheck List(Actor actor, string nameOrId, double below = DefaultBelow)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        if (double.IsNaN(below) || below <= 0 || below > 1)
        {
            throw new ArgumentException(UserMessages.Pick("置信度阈值应在 0 到 1 之间。", "The confidence threshold lies between 0 and 1.", CultureInfo.CurrentUICulture), nameof(below));
        }

        var batch = Visible(actor, nameOrId);
        Store.Audit(new AuditEvent(actor.UserName, "batch.characters.view", batch.Name, below.ToString("0.##", CultureInfo.InvariantCulture), actor.Address));
        var items = new List<CharacterItem>();
        var total = 0;
        foreach (var (page, number) in Store.Pages(batch.Id).Select((p, i) => (p, i + 1)))
        {
            if (page.Blank || page.Image is null)
            {
                continue;
            }

            foreach (var item in Doubtful(page, number, below * 100))
            {
                total++;
                if (items.Count < MaxCharacters)
                {
                    items.Add(item);
                }
            }
        }

        var groups = items.GroupBy(i => i.Text, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CharacterGroup(g.Key, [.. g.OrderBy(i => i.Confidence)]))
            .ToList();
        return new CharacterCheck(batch.Name, batch.Version, below, items.Count, total > items.Count, groups);
    }

    /// <summary>Applies verdicts: each character is confirmed (same text) or replaced; one write, audited with before → after.</summary>
    /// <exception cref="ArchiveException">The batch changed since <paramref name="version"/> (<see cref="ArchiveProblem.Conflict"/>), or a character is unknown.</exception>
    public CharacterCheckResult Apply(Actor actor, string nameOrId, IReadOnlyList<CharacterFix> fixes, int? version)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(fixes);
        actor.Require(Permission.Review);
        if (fixes.Count == 0 || fixes.Count > MaxFixes)
        {
            throw new ArgumentException(UserMessages.Pick($"请提交 1 到 {MaxFixes} 个字符。", $"Send between 1 and {MaxFixes} characters.", CultureInfo.CurrentUICulture), nameof(fixes));
        }

        var batch = Visible(actor, nameOrId);
        var parsed = fixes.Select(f => (Address: Parse(f.Id), Text: Clean(f.Text))).ToList();
        var pages = new Dictionary<string, OcrPage>(StringComparer.Ordinal);
        var changes = new List<string>();
        var confirmed = 0;
        foreach (var byPage in parsed.GroupBy(p => p.Address.PageId, StringComparer.Ordinal))
        {
            var page = Store.FindPage(byPage.Key) is { } found && found.BatchId == batch.Id ? found : throw new ArchiveException(ArchiveProblem.ItemNotFound, byPage.Key);
            var lines = page.Ocr.Lines.Select(l => l.Words.Select(w => (w, w.Symbols?.ToList())).ToList()).ToList();
            foreach (var (address, text) in byPage)
            {
                if (address.Line >= lines.Count || address.Word >= lines[address.Line].Count
                    || lines[address.Line][address.Word].Item2 is not { } symbols || address.Symbol >= symbols.Count)
                {
                    throw new ArchiveException(ArchiveProblem.ItemNotFound, address.ToString());
                }

                var before = symbols[address.Symbol];
                if (before.Text == text)
                {
                    confirmed++;
                }
                else
                {
                    changes.Add($"{address}: {before.Text} → {text}");
                }

                symbols[address.Symbol] = before with { Text = text, Confidence = ConfirmedConfidence };
            }

            pages[page.Id] = page.Ocr with { Lines = [.. page.Ocr.Lines.Select((line, i) => Rebuild(line, lines[i]))] };
        }

        var details = $"{confirmed} confirmed, {changes.Count} fixed" + (changes.Count == 0 ? "" : "; " + string.Join("; ", changes));
        using var scope = actor.AuditScope();
        var changed = Store.CorrectPageText(batch.Id, pages, actor.UserName, details, version);
        return new CharacterCheckResult(changed.Version, confirmed, changes.Count);
    }

    /// <summary>The doubtful characters of a page, in the stored recognition's order.</summary>
    internal static IEnumerable<CharacterItem> Doubtful(BatchPage page, int number, double belowConfidence)
    {
        var lines = page.Ocr.Lines;
        for (var l = 0; l < lines.Count; l++)
        {
            var words = lines[l].Words;
            for (var w = 0; w < words.Count; w++)
            {
                if (words[w].Symbols is not { } symbols)
                {
                    continue;
                }

                for (var s = 0; s < symbols.Count; s++)
                {
                    var symbol = symbols[s];
                    if (symbol.Confidence < belowConfidence && !string.IsNullOrWhiteSpace(symbol.Text) && symbol.Box.Width > 0 && symbol.Box.Height > 0)
                    {
                        yield return new CharacterItem(
                            new CharacterAddress(page.Id, l, w, s).ToString(), page.Id, number, symbol.Text, Math.Round(symbol.Confidence, 1),
                            [symbol.Box.X, symbol.Box.Y, symbol.Box.Width, symbol.Box.Height], words[w].Text);
                    }
                }
            }
        }
    }

    private static OcrLine Rebuild(OcrLine line, List<(OcrWord Word, List<OcrSymbol>? Symbols)> words)
    {
        if (words.All(w => w.Symbols is null || w.Symbols.SequenceEqual(w.Word.Symbols!)))
        {
            return line;
        }

        var rebuilt = words.Select(w => w.Symbols is null ? w.Word : w.Word with
        {
            Text = string.Concat(w.Symbols.Select(s => s.Text)),
            Symbols = w.Symbols,
            Confidence = (float)w.Symbols.Average(s => s.Confidence),
        }).ToList();
        return line with { Words = rebuilt, Text = OcrText.JoinWords(rebuilt.Select(w => w.Text)) };
    }

    private static string Clean(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > 8 || trimmed.Any(char.IsControl))
        {
            throw new ArgumentException(UserMessages.Pick("每个字符的更正应为一个字符（或几个）。", "A character's correction is one character (or a few).", CultureInfo.CurrentUICulture), nameof(text));
        }

        return trimmed;
    }

    private static CharacterAddress Parse(string? id)
    {
        // The indices are the last three parts: a page id may hold colons of its own.
        var parts = id?.Split(':') ?? [];
        return parts.Length >= 4
            && int.TryParse(parts[^3], NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var word)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var symbol)
                ? new CharacterAddress(string.Join(':', parts[..^3]), line, word, symbol)
                : throw new ArgumentException($"Not a character id: {id}", nameof(id));
    }

    private Batch Visible(Actor actor, string nameOrId)
    {
        var batch = Store.FindBatch(nameOrId) ?? throw new ArchiveException(ArchiveProblem.BatchNotFound, nameOrId);
        return ReviewService.MaySee(actor, batch) ? batch : throw new ArchiveException(ArchiveProblem.BatchNotFound, batch.Name);
    }

    private readonly record struct CharacterAddress(string PageId, int Line, int Word, int Symbol)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PageId}:{Line}:{Word}:{Symbol}");
    }
}
