using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ScanArchive.Search;

/// <summary>An entry that matched: its best page document (index-wide id) and that page's score.</summary>
internal readonly record struct EntryMatch(int Doc, float Score, long CommittedTicks);

/// <summary>
/// Collects every matching page and keeps, per entry, the best-scoring page. An entry's pages are always written in one
/// block (<see cref="IndexWriter.UpdateDocuments(Term, IEnumerable{IEnumerable{IIndexableField}})"/>), so they share a
/// segment and the segment-local ordinal of the entry's sorted doc value identifies the entry.
/// </summary>
/// <remarks>
/// A broad query matches most pages of the archive; per-ordinal arrays (reused across segments) keep the per-page
/// work to an array lookup and the garbage to nothing, which matters on a loaded machine where a GC pause is a slow query.
/// Call <see cref="Finish"/> after the search.
/// </remarks>
internal sealed class EntryCollector : ICollector
{
    private readonly List<EntryMatch> _matches = [];
    private readonly List<int> _touched = [];
    private Scorer? _scorer;
    private SortedDocValues? _entries;
    private NumericDocValues? _committed;
    private float[] _bestScore = [];
    private int[] _bestDoc = [];
    private int _docBase;

    public int EntryCount => _matches.Count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        Finish();
        _docBase = context.DocBase;
        _entries = context.AtomicReader.GetSortedDocValues(IndexFields.Entry);
        _committed = context.AtomicReader.GetNumericDocValues(IndexFields.CommittedTicks);
        var ordinals = _entries?.ValueCount ?? 0;
        if (_bestDoc.Length < ordinals)
        {
            _bestScore = new float[ordinals];
            _bestDoc = new int[ordinals];
            Array.Fill(_bestDoc, -1);
        }
    }

    public void Collect(int doc)
    {
        var ordinal = _entries?.GetOrd(doc) ?? -1;
        if (ordinal < 0)
        {
            return;
        }

        var score = _scorer!.GetScore();
        var best = _bestDoc[ordinal];
        if (best < 0)
        {
            _touched.Add(ordinal);
        }
        else if (score < _bestScore[ordinal] || (score == _bestScore[ordinal] && doc > best))
        {
            return; // ties go to the earlier page (documents may arrive out of order)
        }

        _bestScore[ordinal] = score;
        _bestDoc[ordinal] = doc;
    }

    /// <summary>Moves the current segment's entries into the results and clears the per-ordinal arrays.</summary>
    public void Finish()
    {
        foreach (var ordinal in _touched)
        {
            var doc = _bestDoc[ordinal];
            _matches.Add(new EntryMatch(_docBase + doc, _bestScore[ordinal], _committed?.Get(doc) ?? 0));
            _bestDoc[ordinal] = -1;
        }

        _touched.Clear();
    }

    /// <summary>The entries ranked by score, then newest commit first; <paramref name="skip"/> and <paramref name="take"/> applied.</summary>
    public IReadOnlyList<EntryMatch> Top(int skip, int take)
    {
        var wanted = skip + take;
        if (wanted <= 0 || skip >= _matches.Count)
        {
            return [];
        }

        // A bounded heap: a broad query can match most of the archive, and only one page of results is shown.
        var heap = new PriorityQueue<EntryMatch, EntryMatch>(wanted + 1, WorstFirst.Instance);
        foreach (var match in _matches)
        {
            if (heap.Count < wanted)
            {
                heap.Enqueue(match, match);
            }
            else if (WorstFirst.Instance.Compare(match, heap.Peek()) > 0)
            {
                heap.EnqueueDequeue(match, match);
            }
        }

        var ranked = new List<EntryMatch>(heap.Count);
        while (heap.Count > 0)
        {
            ranked.Add(heap.Dequeue());
        }

        ranked.Reverse();
        return ranked.Skip(skip).ToList();
    }

    /// <summary>Orders matches from worst to best.</summary>
    private sealed class WorstFirst : IComparer<EntryMatch>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(EntryMatch x, EntryMatch y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byTime = x.CommittedTicks.CompareTo(y.CommittedTicks);
            return byTime != 0 ? byTime : y.Doc.CompareTo(x.Doc);
        }
    }
}
