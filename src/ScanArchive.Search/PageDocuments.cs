using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using ScanArchive.Core.Search;

namespace ScanArchive.Search;

/// <summary>Turns an archive entry into its Lucene documents, one per page.</summary>
internal static class PageDocuments
{
    private static readonly string[] KeyFields = ["customer_no", "id_number", "phone", "document_no", "email"];

    public static List<Document> Build(SearchDocument entry, string archiveKey)
    {
        var keys = EntryKeys(entry, archiveKey);
        var meta = CjkSpacing.Compact(string.Join('\n', new[] { entry.DocumentType, entry.CustomerName, entry.CustomerNo, entry.BatchName }
            .Concat(entry.Fields.Values)
            .Where(v => !string.IsNullOrWhiteSpace(v))));
        var day = entry.DocumentDate ?? DateOnly.FromDateTime(entry.CommittedAt.DateTime);
        var dayNumber = (day.Year * 10000) + (day.Month * 100) + day.Day;

        IEnumerable<SearchPage> pages = entry.Pages.Count > 0 ? entry.Pages.OrderBy(p => p.PageNumber) : [new SearchPage(0, "")];
        var documents = new List<Document>();
        foreach (var page in pages)
        {
            var doc = new Document
            {
                new StringField(IndexFields.ArchiveKey, archiveKey, Field.Store.NO),
                new SortedDocValuesField(IndexFields.Entry, new BytesRef(archiveKey)),
                new StoredField(IndexFields.ArchiveNumber, entry.ArchiveNumber),
                new StoredField(IndexFields.Page, page.PageNumber),
                new TextField(IndexFields.Text, CjkSpacing.Compact(page.Text ?? ""), Field.Store.NO),
                new StoredField(IndexFields.StoredText, page.Text ?? ""),
                new TextField(IndexFields.Meta, meta, Field.Store.NO),
                new TextField(IndexFields.Customer, CjkSpacing.Compact(entry.CustomerName), Field.Store.NO),
                new StringField(IndexFields.CustomerNo, SearchKeys.Normalize(entry.CustomerNo), Field.Store.NO),
                new StringField(IndexFields.DocumentType, entry.DocumentType.Trim().ToLowerInvariant(), Field.Store.NO),
                new StoredField(IndexFields.DocumentTypeStored, entry.DocumentType),
                new StoredField(IndexFields.CustomerName, entry.CustomerName),
                new Int32Field(IndexFields.Day, dayNumber, Field.Store.NO),
                new StoredField(IndexFields.CommittedAt, entry.CommittedAt.ToString("O", CultureInfo.InvariantCulture)),
                new NumericDocValuesField(IndexFields.CommittedTicks, entry.CommittedAt.UtcTicks),
            };
            if (documents.Count == 0)
            {
                doc.Add(new StringField(IndexFields.Head, "1", Field.Store.NO));
            }

            if (entry.DocumentDate is { } date)
            {
                doc.Add(new StoredField(IndexFields.DocumentDate, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            foreach (var key in keys)
            {
                doc.Add(new StringField(IndexFields.Key, key, Field.Store.YES));
            }

            foreach (var key in SearchKeys.FindInText(page.Text ?? "").Select(k => k.Key).Distinct(StringComparer.Ordinal))
            {
                doc.Add(new StringField(IndexFields.PageKey, key, Field.Store.YES));
            }

            documents.Add(doc);
        }

        return documents;
    }

    private static HashSet<string> EntryKeys(SearchDocument entry, string archiveKey)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { archiveKey, SearchKeys.Normalize(entry.CustomerNo) };
        foreach (var name in KeyFields)
        {
            if (entry.Fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                keys.Add(name == "phone" ? SearchKeys.NormalizePhone(value) : SearchKeys.Normalize(value));
            }
        }

        foreach (var value in entry.Fields.Values)
        {
            foreach (var (key, _, _) in SearchKeys.FindInText(value ?? ""))
            {
                keys.Add(key);
            }
        }

        keys.RemoveWhere(k => k.Length < 3);
        return keys;
    }
}
