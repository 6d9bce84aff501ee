using ScanArchive.SampleGenerator.Output;
using ScanArchive.SampleGenerator.Rendering;

namespace ScanArchive.SampleGenerator.Pages;

/// <summary>The back of a single-sided sheet fed through a duplex scanner: nothing printed.</summary>
internal sealed class BlankPage : IDocumentTemplate
{
    public string DocType => "other";

    /// <summary>The schema has no "none"; blank pages are filed with the Chinese folder pages.</summary>
    public string Language => "zh";

    public IReadOnlyList<GroundTruthField> Draw(PageCanvas page, PageStyles styles) => [];
}
