using System.Globalization;
using System.Text;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Text;
using ScanArchive.Extraction.Templates;

namespace ScanArchive.Application.Review;

/// <summary>A zone template saved from a reviewed document.</summary>
/// <param name="Name">The template's name (its file is <c>&lt;data&gt;/templates/NAME.json</c>).</param>
/// <param name="DocumentType">The form's document type.</param>
/// <param name="PageId">The page it was learned from.</param>
/// <param name="Zones">Field keys it reads by position.</param>
/// <param name="Anchors">Printed labels it recognizes the form by.</param>
public sealed record SavedTemplate(string Name, string DocumentType, string PageId, IReadOnlyList<string> Zones, int Anchors);

/// <summary>
/// "Learn from the reviewer": a reviewed document's field boxes become a zone template (<see cref="FormTemplateBuilder"/>),
/// stored in the data folder's <c>templates/</c>, so that the next folder of that form is read by its layout (the
/// processing loads the templates at the start of each job). The queue counts the fields a template filled.
/// </summary>
public sealed class TemplateLearningService(ArchiveHost host, ReviewDocumentsService documents)
{
    /// <summary>Longest template name.</summary>
    public const int MaxNameLength = 80;

    /// <summary>Saves the review document's fields (confirmed or valid, with a box) on its richest page as a template.</summary>
    /// <exception cref="ArgumentException">No page has enough fields and printed labels to make a template of.</exception>
    public SavedTemplate SaveAsTemplate(Actor actor, string nameOrId, string documentId, string? name)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Permission.Review);
        var culture = CultureInfo.CurrentUICulture;
        var batch = host.Store.FindBatch(nameOrId) ?? throw new ArchiveException(ArchiveProblem.BatchNotFound, nameOrId);
        var document = documents.Documents(actor, batch.Name).FirstOrDefault(d => d.Id == documentId)
            ?? throw new ArchiveException(ArchiveProblem.ItemNotFound, documentId);
        if (document.DocumentType is null or "other")
        {
            throw new ArgumentException(UserMessages.Pick("未识别文档类型的文档不能保存为模板。", "A document of unknown type cannot become a template.", culture), nameof(documentId));
        }

        // The page with the most usable fields: what a person confirmed, or what validation accepted, with a box.
        var usable = document.Fields.Where(f => f.State is FieldReviewState.Confirmed or FieldReviewState.Valid && ReviewFieldHasBox(f)).ToList();
        var best = usable.GroupBy(f => f.PageId!).OrderByDescending(g => g.Count()).FirstOrDefault()
            ?? throw new ArgumentException(UserMessages.Pick("此文档没有已确认且带位置的字段。", "The document has no confirmed field with a position.", culture), nameof(documentId));
        var page = host.Store.FindPage(best.Key) ?? throw new ArchiveException(ArchiveProblem.ItemNotFound, best.Key);
        var keys = best.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var source = host.Store.Documents(batch.Id).First(d => d.Id == page.DocumentId);
        var fields = source.Fields.Where(f => f.Page == page.PageNumber && keys.Contains(f.Key))
            .GroupBy(f => f.Key).Select(g => g.OrderByDescending(f => f.ConfirmedBy is not null).ThenByDescending(f => f.Confidence).First()).ToList();

        var templateName = NameFor(name, document.DocumentType, batch.Name, document.Number);
        Core.Extraction.FormTemplate template;
        try
        {
            template = FormTemplateBuilder.FromConfirmedPage(templateName, document.DocumentType, page.Ocr, fields, page.PageNumber);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException(UserMessages.Pick("此页无法作为模板：", "This page cannot become a template: ", culture) + ex.Message, nameof(documentId), ex);
        }

        using var scope = actor.AuditScope();
        var path = FormTemplateStore.Save(template, host.Layout.Templates);
        host.Store.Audit(new AuditEvent(actor.UserName, "template.save", batch.Name,
            $"{templateName} ({document.DocumentType}) from {document.Id}/{page.Id}: {string.Join(',', template.Zones.Select(z => z.Key))}; {Path.GetFileName(path)}", actor.Address));
        return new SavedTemplate(templateName, document.DocumentType, page.Id, [.. template.Zones.Select(z => z.Key)], template.Anchors.Count);
    }

    private static bool ReviewFieldHasBox(ReviewFieldView field) => field.PageId is not null && field.Box is { Length: 4 } b && b[2] > 0 && b[3] > 0;

    /// <summary>The name given (tidied to a safe file name), or <c>type-batch-dN</c>.</summary>
    private static string NameFor(string? name, string documentType, string batch, int number)
    {
        var raw = string.IsNullOrWhiteSpace(name) ? $"{documentType}-{batch}-d{number.ToString(CultureInfo.InvariantCulture)}" : name.Trim();
        var safe = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        var result = safe.ToString().Trim('-');
        return result.Length == 0 ? documentType : result[..Math.Min(result.Length, MaxNameLength)];
    }
}
