using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace ScanArchive.Search;

/// <summary>
/// Analysis of mixed Chinese/English archive text: Unicode word breaks, full-width folded, lower-cased, English
/// words reduced to a base form (KStem: invoices → invoice, addresses → address), Chinese as overlapping bigrams.
/// </summary>
/// <remarks>
/// The index side also emits every Chinese character alone so that a one-character query (<c>档</c>) finds it; the query
/// side emits only bigrams for runs of two or more characters (a lone character stays a unigram), so that a query
/// for <c>客户档案</c> becomes the phrase 客户 户档 档案, which only matches the characters in that order.
/// Text should go through <see cref="CjkSpacing.Compact"/> first (see there why).
/// </remarks>
internal sealed class ArchiveTextAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private const CJKScript Scripts = CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL;

    private readonly bool _unigrams;

    private ArchiveTextAnalyzer(bool unigrams) => _unigrams = unigrams;

    /// <summary>For indexing: bigrams and unigrams.</summary>
    public static ArchiveTextAnalyzer ForIndex() => new(unigrams: true);

    /// <summary>For queries: bigrams, unigrams only for lone characters.</summary>
    public static ArchiveTextAnalyzer ForQuery() => new(unigrams: false);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new KStemFilter(stream);
        stream = new CJKBigramFilter(stream, Scripts, _unigrams);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
