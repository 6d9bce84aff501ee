using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Application;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Extraction;
using ScanArchive.TestSupport;
using ScanArchive.Web.BrowserTests.Harness;

namespace ScanArchive.Web.BrowserTests;

/// <summary>
/// A workstation with batches recognized from the sample scans (real Tesseract), one per review test so that the
/// tests do not see each other's changes: a several-document batch with QC problems (blurry, sideways, blank) for
/// the keyboard-only walk, and one-document batches for clicking, drawing, reloading, conflicts and escaping.
/// </summary>
public sealed class ReviewFixture : WorkstationFixtureBase
{
    /// <summary>The sample scans of the keyboard batch, in order (a form, a blurry page, a sideways page, a blank sheet, an invoice).</summary>
    public static readonly string[] KeyboardScans =
        ["zh-account-application.jpg", "qc-blurry-en-invoice.jpg", "qc-sideways-en-customer-registration.jpg", "qc-blank-page.jpg", "en-invoice.jpg"];

    /// <summary>An XSS payload put into a field.</summary>
    public const string Payload = "<img src=x onerror=\"window.__xss=1\">";

    public string Clerk { get; private set; } = "";

    public string KeyboardBatch { get; private set; } = "";

    public string ClickBatch { get; private set; } = "";

    public string DrawBatch { get; private set; } = "";

    public string ReloadBatch { get; private set; } = "";

    public string ConflictBatch { get; private set; } = "";

    public string XssBatch { get; private set; } = "";

    /// <summary>The 10-page batch with seeded problems (see <see cref="TenPageScans"/>).</summary>
    public string TenPageBatch { get; private set; } = "";

    /// <summary>In the 10-page batch: the page that begins the invoice merged onto the contract (the reviewer splits before it).</summary>
    public string SplitBeforePage { get; private set; } = "";

    /// <summary>In the 10-page batch: the contract's page (before the split point).</summary>
    public string ContractPage { get; private set; } = "";

    /// <summary>Batches for the page and document actions, for the character check, and for "save as template".</summary>
    public string ActionsBatch { get; private set; } = "";

    public string CharactersBatch { get; private set; } = "";

    public string TemplateBatch { get; private set; } = "";

    /// <summary>
    /// Ten one-page files: a form whose phone the reader "missed" (seeded), a blurry and a sideways page, a form with
    /// one wrong ID digit (seeded), a contract and an invoice seeded as one document (to be split), and four more.
    /// </summary>
    public static readonly string[] TenPageScans =
    [
        "zh-account-application.jpg", "qc-blurry-en-invoice.jpg", "qc-sideways-en-customer-registration.jpg", "zh-customer-registration.png",
        "en-invoice.jpg", "zh-contract.jpg", "zh-invoice.jpg", "en-service-agreement.jpg", "zh-id-card-copy.jpg", "en-customer-registration.jpg",
    ];

    /// <summary>The ID number printed on zh-customer-registration.png (its ground truth), and the same with one digit wrong.</summary>
    public const string RightId = "110105196702255762";

    public const string WrongId = "110105196702256762";

    /// <summary>The phone printed on zh-account-application.jpg (its ground truth), seeded as missing.</summary>
    public const string MissingPhone = "13064239013";

    protected override async Task ArrangeAsync(WorkstationServer server)
    {
        server.CreateAccount(Role.Admin, "boss");
        Clerk = server.CreateAccount(Role.Clerk, "capture");
        KeyboardBatch = await RecognizedAsync(server, "review-keyboard", KeyboardScans);
        ClickBatch = await RecognizedAsync(server, "review-click", "en-customer-registration.jpg");
        DrawBatch = await RecognizedAsync(server, "review-draw", "en-customer-registration.jpg");
        ReloadBatch = await RecognizedAsync(server, "review-reload", "en-invoice.jpg");
        ConflictBatch = await RecognizedAsync(server, "review-conflict", "en-invoice.jpg");
        XssBatch = await RecognizedAsync(server, "review-xss", "en-customer-registration.jpg");

        TenPageBatch = await RecognizedAsync(server, "review-ten", TenPageScans);
        SeedTenPageProblems(server);
        ActionsBatch = await RecognizedAsync(server, "review-actions", "en-invoice.jpg", "en-customer-registration.jpg", "zh-invoice.jpg");
        CharactersBatch = await RecognizedAsync(server, "review-characters", "zh-account-application.jpg");
        SeedDoubtfulCharacters(server);
        TemplateBatch = await RecognizedAsync(server, "review-template", "en-customer-registration.jpg");

        // The payload as a reviewer's value (the screen must show it as text).
        var batches = server.Services.GetRequiredService<BatchService>();
        var reviewer = new Actor("arranger", Role.Reviewer);
        var document = batches.Get(reviewer, XssBatch).Documents[0];
        batches.UpdateField(reviewer, XssBatch, document.Id, "customer_name", Payload, document.Version);
    }

    /// <summary>The seeded problems a reader could have made: a phone not found, an ID digit misread, two forms taken for one document.</summary>
    private void SeedTenPageProblems(WorkstationServer server)
    {
        var store = server.Services.GetRequiredService<ArchiveHost>().Store;
        var batch = store.FindBatch(TenPageBatch)!;
        var documents = store.Documents(batch.Id);
        BatchDocument Of(string scan) => documents.Single(d => d.SourceName == scan);

        var application = Of("zh-account-application.jpg");
        store.UpdateDocument(application with { Fields = [.. application.Fields.Where(f => f.Key != FieldKeys.Phone)] });

        var registration = Of("zh-customer-registration.png");
        var id = registration.Fields.FirstOrDefault(f => f.Key == FieldKeys.IdNumber);
        var wrong = id is null
            ? new ExtractedField(FieldKeys.IdNumber, WrongId, WrongId, 0.9, 1, default)
            : id with { Value = WrongId, Raw = WrongId, Validation = FieldValidation.Unchecked, ConfirmedBy = null };
        store.UpdateDocument(registration with { Fields = [.. registration.Fields.Where(f => f.Key != FieldKeys.IdNumber), wrong] });

        // The invoice's page seeded into the contract's document: the reviewer must split before it.
        var contract = Of("zh-contract.jpg");
        var invoice = Of("zh-invoice.jpg");
        ContractPage = store.DocumentPages(contract.Id).Single().Id;
        SplitBeforePage = store.DocumentPages(invoice.Id).Single().Id;
        var arranger = new Actor("arranger", Role.Reviewer);
        var reviewDocuments = server.Services.GetRequiredService<Application.Review.ReviewDocumentsService>();
        var merged = reviewDocuments.Documents(arranger, TenPageBatch).Single(d => d.Pages.Any(p => p.Id == SplitBeforePage));
        reviewDocuments.Merge(arranger, TenPageBatch, merged.Id, null);
    }

    /// <summary>
    /// Every third Chinese character of the character-check page made doubtful (the engine's own confidences on a clean
    /// sample are mostly high, and vary with the engine), so that the check has groups to show whatever the engine.
    /// </summary>
    private void SeedDoubtfulCharacters(WorkstationServer server)
    {
        var store = server.Services.GetRequiredService<ArchiveHost>().Store;
        var batch = store.FindBatch(CharactersBatch)!;
        var page = store.Pages(batch.Id).Single();
        var n = 0;
        var lines = page.Ocr.Lines.Select(line => line with
        {
            Words = [.. line.Words.Select(word =>
            {
                if (!word.Text.Any(Core.Ocr.OcrText.IsCjk) || word.Text.Any(char.IsSurrogate))
                {
                    return word;
                }

                // Without the engine's characters, the word's box shared out evenly (Chinese characters are square-ish).
                var symbols = word.Symbols ?? [.. word.Text.Select((c, i) => new Core.Ocr.OcrSymbol(c.ToString(),
                    new Core.Imaging.PixelBox(word.Box.X + (i * word.Box.Width / word.Text.Length), word.Box.Y, Math.Max(1, word.Box.Width / word.Text.Length), word.Box.Height), word.Confidence))];
                return word with { Symbols = [.. symbols.Select(sym => n++ % 3 == 0 ? sym with { Confidence = Math.Min(sym.Confidence, 40) } : sym)] };
            })],
        }).ToList();
        store.CorrectPageText(batch.Id, new Dictionary<string, Core.Ocr.OcrPage> { [page.Id] = page.Ocr with { Lines = lines } }, "arranger", "seeded doubtful characters");
    }

    private async Task<string> RecognizedAsync(WorkstationServer server, string name, params string[] scans)
    {
        var clerk = new Actor(Clerk, Role.Clerk);
        var batches = server.Services.GetRequiredService<BatchService>();
        var batch = batches.Create(clerk, name);
        var imported = batches.Import(clerk, batch, scans.Select(s => new ImportFile(TestPaths.SampleScan(s), s)).ToList());
        Assert.Empty(imported.Refused);
        await server.Services.GetRequiredService<ProcessingService>().ProcessAsync(clerk, name);
        Assert.Equal(BatchState.ReadyForReview, server.Batch(name).State);
        return name;
    }
}

[CollectionDefinition(Name)]
public sealed class ReviewCollection : ICollectionFixture<ReviewFixture>
{
    public const string Name = "Review screen";
}
