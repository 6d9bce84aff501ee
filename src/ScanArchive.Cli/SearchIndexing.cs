using System.Globalization;
using ScanArchive.Archive.Storage;
using ScanArchive.Core.Search;
using ScanArchive.Core.Text;
using ScanArchive.Search;

namespace ScanArchive.Cli;

/// <summary>Opens the search index in the data folder and keeps it in step with the archive.</summary>
internal static class SearchIndexing
{
    public static string IndexFolder(LiteDbArchiveStore store) => Path.Combine(store.DataFolder, "index");

    public static LuceneSearchIndex Open(LiteDbArchiveStore store) => new(IndexFolder(store));

    /// <summary>
    /// Indexes what the last commits left in the outbox. A failure here never undoes a commit: the entries stay
    /// in the outbox and the next search, commit or reindex picks them up.
    /// </summary>
    public static void TryDrainOutbox(LiteDbArchiveStore store, CultureInfo culture)
    {
        try
        {
            using var index = Open(store);
            new ArchiveIndexer(store, index).Drain();
        }
        catch (SearchIndexException ex)
        {
            Console.Error.WriteLine(ex.MessageIn(culture) + UserMessages.Pick(
                " 档案已保存；稍后搜索或运行 reindex 时会补建索引。",
                " The archive is saved; the index catches up at the next search or with 'reindex'.",
                culture));
        }
    }
}
