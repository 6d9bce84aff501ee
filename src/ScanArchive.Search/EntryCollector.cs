using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ScanArchive.Search;

/// <summary>An entry that matched: its best page document and score.</summary>
internal sealed class EntryMatch(int doc, float score, long committedTicks)
{
    public int Doc { get; set; } = doc;

    public float Score { get; set; } = score;

    public long CommittedTicks { get; } = committedTicks;
}

/// <summary>
/// Collects every matching page and keeps, per entry, the best-scoring page. An entry's pages are always written in one
/// block (<see cref="IndexWriter.UpdateDocuments(Term, IEnumerable{IEnumerable{IIndexableField}})"/>), so they share a
/// segment and the segment-local ordinal of the entry's sorted doc value identifies the entry.
/// </summary>
internal sealed class EntryCollector : ICollector
{
    private readonly List<EntryMatch> _matches = [];
    private Scorer? _scorer;
    private SortedDocValues? _entries;
    private NumericDocValues? _committed;
    private int[] _matchByOrdinal = [];
    private int _docBase;

    public int EntryCount => _matches.Count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _entries = context.AtomicReader.GetSortedDocValues(IndexFields.Entry);
        _committed = context.AtomicReader.GetNumericDocValues(IndexFields.CommittedTicks);
        _matchByOrdinal = new int[_entries?.ValueCount ?? 0];
        Array.Fill(_matchByOrdinal, -1);
    }

    public void Collect(int doc)
    {
        var ordinal = _entries?.GetOrd(doc) ?? -1;
        if (ordinal < 0)
        {
            return;
        }

        var score = _scorer!.GetScore();
        var index = _matchByOrdinal[ordinal];
        if (index < 0)
        {
            _matchByOrdinal[ordinal] = _matches.Count;
            _matches.Add(new EntryMatch(_docBase + doc, score, _committed?.Get(doc) ?? 0));
            return;
        }

        // Ties go to the earlier page (documents may arrive out of order).
        var match = _matches[index];
        if (score > match.Score || (score == match.Score && _docBase + doc < match.Doc))
        {
            match.Score = score;
            match.Doc = _docBase + doc;
        }
    }

    /// <summary>The entries ranked by score, then newest commit first; <paramref name="skip"/> and <paramref name="take"/> applied.</summary>
    public IReadOnlyList<EntryMatch> Top(int skip, int take)
    {
        var wanted = skip + take;
        if (wanted <= 0 || skip >= _matches.Count)
        {
            return [];
        }

        // A bounded heap: a broad query can match most of the archive, and only the first page of results is shown.
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

        public int Compare(EntryMatch? x, EntryMatch? y)
        {
            var byScore = x!.Score.CompareTo(y!.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byTime = x.CommittedTicks.CompareTo(y.CommittedTicks);
            return byTime != 0 ? byTime : y.Doc.CompareTo(x.Doc);
        }
    }
}
