using System.Text.Json;
using System.Text.RegularExpressions;
using ScanArchive.Extraction.Normalization;

namespace ScanArchive.Extraction;

/// <summary>A printed label the extractor knows.</summary>
/// <param name="Key">The canonical field key it introduces, or null for a label whose value is no canonical field (职业, Nationality, Subtotal).</param>
/// <param name="Text">The label as written in the data file.</param>
/// <param name="Weight">How strongly the label points at its key (0–1).</param>
/// <param name="Fallback">True for a weaker, second-choice source (a signature for the customer's name).</param>
public sealed record LabelEntry(string? Key, string Text, double Weight, bool Fallback);

/// <summary>Phrases that point at a document type.</summary>
/// <param name="Type">The type's name.</param>
/// <param name="Titles">Title phrases (normalized text → weight).</param>
/// <param name="Keywords">Keywords anywhere on the page (normalized text → weight).</param>
public sealed record DocumentTypeRule(string Type, IReadOnlyDictionary<string, double> Titles, IReadOnlyDictionary<string, double> Keywords);

/// <summary>
/// The extractor's vocabulary, loaded from data files rather than code: field label synonyms (zh and en),
/// labels of non-canonical values, customer-number patterns, company suffixes, address markers, Chinese
/// surnames, the document-type phrases and a district gazetteer. The built-in copies (<c>Data/labels.json</c>,
/// <c>Data/doctypes.json</c>, <c>Data/regions.json</c>) ship inside the assembly; a deployment can load its own.
/// </summary>
public sealed class ExtractionDictionary
{
    private static readonly Lazy<ExtractionDictionary> BuiltIn = new(LoadBuiltIn);
    private readonly Dictionary<string, LabelEntry> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _labelsByField = new(StringComparer.Ordinal);

    private LabelHeads Heads { get; set; } = LabelHeads.Empty;

    private ExtractionDictionary()
    {
    }

    /// <summary>The dictionary shipped with the assembly.</summary>
    public static ExtractionDictionary Default => BuiltIn.Value;

    /// <summary>Longest normalized label, in characters (bounds the label search).</summary>
    public int LongestLabel { get; private set; }

    /// <summary>Patterns a customer number must match to count as validated (the institution's numbering scheme).</summary>
    public IReadOnlyList<Regex> CustomerNoPatterns { get; private set; } = [];

    /// <summary>Normalized labels of the amount a customer handed over on a receipt (Cash, Amount Paid, 实收).</summary>
    public IReadOnlySet<string> TenderedLabels { get; private set; } = new HashSet<string>();

    /// <summary>Normalized labels of the change given back (Change, 找零).</summary>
    public IReadOnlySet<string> ChangeLabels { get; private set; } = new HashSet<string>();

    /// <summary>Normalized subtotal labels: a subtotal equal to what was paid is the total.</summary>
    public IReadOnlySet<string> SubtotalLabels { get; private set; } = new HashSet<string>();

    /// <summary>Chinese company-name endings (有限公司, 银行, …), longest first.</summary>
    public IReadOnlyList<string> CompanySuffixesZh { get; private set; } = [];

    /// <summary>English/Malay company-name endings (Ltd., Co., Ltd., SDN BHD, …), longest first.</summary>
    public IReadOnlyList<string> CompanySuffixesEn { get; private set; } = [];

    /// <summary>OCR misreadings of English/Malay company suffixes → the suffix (SIN BHD → SDN BHD).</summary>
    public IReadOnlyDictionary<string, string> CompanySuffixMisreadings { get; private set; } = new Dictionary<string, string>();

    /// <summary>Words that may precede a Chinese company name in running text and are not part of it (仅供, 由, …).</summary>
    public IReadOnlyList<string> CompanyLeadingWords { get; private set; } = [];

    /// <summary>Chinese address markers (省, 市, 区, 路, 号, …).</summary>
    public IReadOnlyList<string> AddressMarkersZh { get; private set; } = [];

    /// <summary>English/Malay street words (Road, Room, Jalan, …), lower-case.</summary>
    public IReadOnlySet<string> AddressMarkersEn { get; private set; } = new HashSet<string>();

    /// <summary>City, state and region names that end or continue an address, lower-case.</summary>
    public IReadOnlyList<string> AddressRegions { get; private set; } = [];

    /// <summary>Single-character Chinese surnames.</summary>
    public ISet<char> Surnames { get; private set; } = new HashSet<char>();

    /// <summary>Two-character Chinese surnames.</summary>
    public IReadOnlyList<string> CompoundSurnames { get; private set; } = [];

    /// <summary>Words that are never a person's name.</summary>
    public ISet<string> NotNames { get; private set; } = new HashSet<string>();

    /// <summary>Document type rules.</summary>
    public IReadOnlyList<DocumentTypeRule> DocumentTypes { get; private set; } = [];

    /// <summary>Fraction of the first page's height that counts as its title zone.</summary>
    public double TitleZone { get; private set; } = 0.3;

    /// <summary>Multiplier for a title phrase printed in the title zone.</summary>
    public double TitleBonus { get; private set; } = 3;

    /// <summary>Score the best type needs; below it the document is <c>other</c>.</summary>
    public double MinTypeScore { get; private set; } = 3;

    /// <summary>City → its districts and counties (for correcting look-alike district names in addresses).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Districts { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Loads a dictionary from the data files' contents.</summary>
    /// <param name="labels">The label file (schema of <c>Data/labels.json</c>).</param>
    /// <param name="documentTypes">The document type file (schema of <c>Data/doctypes.json</c>).</param>
    /// <param name="regions">The district gazetteer (schema of <c>Data/regions.json</c>), or null for none.</param>
    /// <exception cref="InvalidDataException">A file is malformed, or one label is given to two fields.</exception>
    public static ExtractionDictionary Load(Stream labels, Stream documentTypes, Stream? regions = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(documentTypes);
        var dictionary = new ExtractionDictionary();
        try
        {
            using (var doc = JsonDocument.Parse(labels))
            {
                dictionary.ReadLabels(doc.RootElement);
            }

            using (var doc = JsonDocument.Parse(documentTypes))
            {
                dictionary.ReadDocumentTypes(doc.RootElement);
            }

            if (regions is not null)
            {
                using var doc = JsonDocument.Parse(regions);
                dictionary.Districts = doc.RootElement.GetProperty("cities").EnumerateObject()
                    .ToDictionary(c => c.Name, c => (IReadOnlyList<string>)c.Value.EnumerateArray().Select(d => d.GetString()!).ToList(), StringComparer.Ordinal);
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException("The extraction dictionary is malformed: " + ex.Message, ex);
        }

        return dictionary;
    }

    /// <summary>Loads a dictionary from files.</summary>
    /// <exception cref="InvalidDataException">A file is malformed.</exception>
    public static ExtractionDictionary LoadFiles(string labelsPath, string documentTypesPath, string? regionsPath = null)
    {
        using var labels = File.OpenRead(labelsPath);
        using var types = File.OpenRead(documentTypesPath);
        using var regions = regionsPath is null ? null : File.OpenRead(regionsPath);
        return Load(labels, types, regions);
    }

    /// <summary>The label whose normalized text (<see cref="HalfWidth.LabelKey"/>) is exactly <paramref name="normalized"/>.</summary>
    public LabelEntry? FindLabel(string normalized) => _labels.GetValueOrDefault(normalized);

    /// <summary>The labels (as written in the data file) of a canonical field, fallback labels included.</summary>
    public IReadOnlyList<string> LabelsOf(string key) => _labelsByField.TryGetValue(key, out var list) ? list : [];

    /// <summary>
    /// A label the dictionary does not list, understood by its head words (申请人姓名, Name of applicant; see
    /// <c>labelHeads</c> in <c>Data/labels.json</c>): a field's entry, an ignore entry (经办人姓名), or null.
    /// </summary>
    /// <param name="text">The label as printed (colon optional).</param>
    public LabelEntry? FindLabelByHead(string text) => Heads.Find(text);

    /// <summary>Longest normalized text a head-word label may have.</summary>
    internal int LongestHeadLabel => Heads.MaxLength;

    /// <summary>Every normalized label (for fuzzy matching).</summary>
    internal IEnumerable<KeyValuePair<string, LabelEntry>> AllLabels => _labels;

    private static ExtractionDictionary LoadBuiltIn()
    {
        var assembly = typeof(ExtractionDictionary).Assembly;
        using var labels = assembly.GetManifestResourceStream("ScanArchive.Extraction.labels.json")
            ?? throw new InvalidDataException("The built-in label dictionary is missing from the assembly.");
        using var types = assembly.GetManifestResourceStream("ScanArchive.Extraction.doctypes.json")
            ?? throw new InvalidDataException("The built-in document type dictionary is missing from the assembly.");
        using var regions = assembly.GetManifestResourceStream("ScanArchive.Extraction.regions.json")
            ?? throw new InvalidDataException("The built-in district gazetteer is missing from the assembly.");
        return Load(labels, types, regions);
    }

    private void ReadLabels(JsonElement root)
    {
        foreach (var field in root.GetProperty("fields").EnumerateObject())
        {
            _labelsByField[field.Name] = [];
            foreach (var (text, weight) in Phrases(field.Value, "labels"))
            {
                AddLabel(new LabelEntry(field.Name, text, weight, false));
            }

            foreach (var (text, weight) in Phrases(field.Value, "fallbackLabels"))
            {
                AddLabel(new LabelEntry(field.Name, text, weight * 0.6, true));
            }
        }

        foreach (var (text, weight) in Phrases(root, "ignoreLabels"))
        {
            AddLabel(new LabelEntry(null, text, weight, false));
        }

        if (root.TryGetProperty("paymentLabels", out var payment))
        {
            // Payment lines are no fields: known as labels (so their amounts are not taken by shape), keyed for the cross-check.
            foreach (var (text, weight) in Phrases(payment, "tendered").Concat(Phrases(payment, "change")))
            {
                AddLabel(new LabelEntry(null, text, weight, false));
            }

            TenderedLabels = Strings(payment, "tendered").Select(HalfWidth.LabelKey).ToHashSet(StringComparer.Ordinal);
            ChangeLabels = Strings(payment, "change").Select(HalfWidth.LabelKey).ToHashSet(StringComparer.Ordinal);
            SubtotalLabels = Strings(payment, "subtotal").Select(HalfWidth.LabelKey).ToHashSet(StringComparer.Ordinal);
        }

        Heads = LabelHeads.Read(root);
        CustomerNoPatterns = Strings(root, "customerNoPatterns").Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).ToList();
        var suffixes = root.GetProperty("companySuffixes");
        CompanySuffixesZh = Strings(suffixes, "zh").OrderByDescending(s => s.Length).ToList();
        CompanySuffixMisreadings = suffixes.TryGetProperty("misreadings", out var misread) && misread.TryGetProperty("en", out var misreadEn)
            ? misreadEn.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        CompanySuffixesEn = Strings(suffixes, "en").Concat(CompanySuffixMisreadings.Keys).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToList();
        CompanyLeadingWords = Strings(root, "companyLeadingWords").OrderByDescending(s => s.Length).ToList();
        var markers = root.GetProperty("addressMarkers");
        AddressMarkersZh = Strings(markers, "zh").ToList();
        AddressMarkersEn = Strings(markers, "en").Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        AddressRegions = Strings(markers, "regions").Select(s => s.ToLowerInvariant()).ToList();
        Surnames = root.GetProperty("chineseSurnames").GetString()!.ToHashSet();
        CompoundSurnames = Strings(root, "chineseCompoundSurnames").ToList();
        NotNames = Strings(root, "notNames").ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private void ReadDocumentTypes(JsonElement root)
    {
        TitleZone = root.TryGetProperty("titleZone", out var zone) ? zone.GetDouble() : TitleZone;
        TitleBonus = root.TryGetProperty("titleBonus", out var bonus) ? bonus.GetDouble() : TitleBonus;
        MinTypeScore = root.TryGetProperty("minScore", out var min) ? min.GetDouble() : MinTypeScore;
        var rules = new List<DocumentTypeRule>();
        foreach (var type in root.GetProperty("types").EnumerateObject())
        {
            rules.Add(new DocumentTypeRule(
                type.Name,
                Phrases(type.Value, "title").GroupBy(p => HalfWidth.LabelKey(p.Text)).ToDictionary(g => g.Key, g => g.Max(p => p.Weight), StringComparer.Ordinal),
                Phrases(type.Value, "keywords").GroupBy(p => HalfWidth.LabelKey(p.Text)).ToDictionary(g => g.Key, g => g.Max(p => p.Weight), StringComparer.Ordinal)));
        }

        DocumentTypes = rules;
    }

    private void AddLabel(LabelEntry entry)
    {
        var key = HalfWidth.LabelKey(entry.Text);
        if (key.Length == 0)
        {
            throw new InvalidDataException($"The label '{entry.Text}' has no letters.");
        }

        if (_labels.TryGetValue(key, out var existing))
        {
            if (existing.Key != entry.Key)
            {
                throw new InvalidDataException($"The label '{entry.Text}' is given to both '{existing.Key ?? "ignore"}' and '{entry.Key ?? "ignore"}'.");
            }

            return;
        }

        _labels[key] = entry;
        LongestLabel = Math.Max(LongestLabel, key.Length);
        if (entry.Key is not null)
        {
            _labelsByField[entry.Key].Add(entry.Text);
        }
    }

    private static IEnumerable<(string Text, double Weight)> Phrases(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var array))
        {
            yield break;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                yield return (item.GetString()!, 1.0);
            }
            else
            {
                yield return (item.GetProperty("text").GetString()!, item.TryGetProperty("weight", out var w) ? w.GetDouble() : 1.0);
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetString()!) : [];
}
