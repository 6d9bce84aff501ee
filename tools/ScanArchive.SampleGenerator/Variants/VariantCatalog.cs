using ScanArchive.SampleGenerator.Scanning;

namespace ScanArchive.SampleGenerator.Variants;

/// <summary>
/// The variant set (<c>--variants</c>): customer forms with label wordings and layouts the field finder was not
/// written against, two languages × four layouts × <see cref="PagesPerKind"/> pages, each page with its own
/// wordings and field order. Generated into a bench folder, not committed to sample-scans/.
/// </summary>
internal static class VariantCatalog
{
    private const int PagesPerKind = 2;

    public static IReadOnlyList<PageSpec> All { get; } =
    [
        .. from language in new[] { "zh", "en" }
           from layout in Enum.GetValues<VariantLayout>()
           from n in Enumerable.Range(1, PagesPerKind)
           select new PageSpec(
               $"variant-{language}-{layout.ToString().ToLowerInvariant()}-{n}",
               new VariantCustomerForm(language, layout),
               ScanProfile.Office,
               OutputFormat.Jpeg,
               $"{language} customer form, {layout} layout, unseen label wordings"),
    ];
}
