using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Application;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
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

        // The payload as a reviewer's value (the screen must show it as text).
        var batches = server.Services.GetRequiredService<BatchService>();
        var reviewer = new Actor("arranger", Role.Reviewer);
        var document = batches.Get(reviewer, XssBatch).Documents[0];
        batches.UpdateField(reviewer, XssBatch, document.Id, "customer_name", Payload, document.Version);
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
