using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ScanArchive.Application;
using ScanArchive.Application.Batches;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Analysis;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Extraction;
using ScanArchive.Core.Imaging;
using ScanArchive.Core.Ocr;
using ScanArchive.TestSupport;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>The search, entry, customer, statistics and capture screens in a real browser, in English and Chinese.</summary>
[Collection(WorkstationCollection.Name)]
public sealed class WorkstationScreensTests(WorkstationFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("en-US", "138 1234 5678")]
    [InlineData("zh-CN", "+86-138-1234-5678")]
    public async Task A_phone_number_in_any_spelling_finds_the_entry_and_opening_it_outlines_the_hit(string locale, string spelling)
    {
        var (number, box) = CommitSeeded(locale);
        var reader = fixture.Server.CreateAccount(Role.Clerk, "finder");
        await using var browser = await fixture.OpenAsync(output, locale);
        await browser.SignInAsync(reader, WorkstationServer.Password);
        await browser.ClickAndWaitAsync(browser.ById("nav-search"));
        await Expect(browser.Root).ToHaveAttributeAsync("data-page", "search");

        await browser.ById("search-q").FillAsync(spelling);
        await browser.ClickAndWaitAsync(browser.ById("search-go"));
        var row = browser.Page.Locator($"[data-testid='search-hit'][data-number='{number}']");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-page", "1");
        await Expect(browser.ById("search-count")).ToBeVisibleAsync();
        await browser.ScreenshotAsync($"search-{locale}");

        await browser.ClickAndWaitAsync(row.GetByTestId("search-open"));
        await Expect(browser.Root).ToHaveAttributeAsync("data-page", "entry");
        var outline = browser.ById("hit-box");
        await Expect(outline).ToHaveCountAsync(1);
        Assert.Equal(box.X - 6, int.Parse(await outline.GetAttributeAsync("x") ?? "-1", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(box.Y - 6, int.Parse(await outline.GetAttributeAsync("y") ?? "-1", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(browser.ById("entry-pdf")).ToHaveAttributeAsync("href", $"/api/entries/{number}/pdf");
        await Expect(browser.Page.Locator("[data-testid='history-row'][data-action='batch.commit']")).ToHaveCountAsync(1);
        await Expect(browser.Page.Locator("[data-testid='history-row'][data-action='entry.view']")).Not.ToHaveCountAsync(0);
        await browser.ScreenshotAsync($"entry-hit-{locale}");
        browser.AssertNoProblems();
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task Statistics_customers_and_capture_screens_open_for_their_roles(string locale)
    {
        CommitSeeded(locale);
        var admin = fixture.Server.CreateAccount(Role.Admin, "stats");
        await using var browser = await fixture.OpenAsync(output, locale);
        await browser.SignInAsync(admin, WorkstationServer.Password);

        await browser.ClickAndWaitAsync(browser.ById("nav-stats"));
        await Expect(browser.Root).ToHaveAttributeAsync("data-scope", "all");
        var stats = fixture.Server.Services.GetRequiredService<ScanArchive.Application.Statistics.StatsService>().Compute(new Actor("browser-tests", Role.Auditor));
        await Expect(browser.ById("stat-pages-captured")).ToHaveAttributeAsync("data-value", stats.PagesCaptured.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(browser.ById("stat-entries-committed")).ToHaveAttributeAsync("data-value", stats.EntriesCommitted.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(browser.ById("stats-charts")).ToHaveAttributeAsync("data-drawn", "true", new() { Timeout = BrowserSession.StepTimeout });
        await browser.ScreenshotAsync($"stats-{locale}");

        await browser.ClickAndWaitAsync(browser.ById("nav-customers"));
        await Expect(browser.Root).ToHaveAttributeAsync("data-page", "customers");
        await browser.ScreenshotAsync($"customers-{locale}");

        await browser.ClickAndWaitAsync(browser.ById("nav-capture"));
        await Expect(browser.Root).ToHaveAttributeAsync("data-page", "capture");
        await Expect(browser.ById("capture-start")).ToBeVisibleAsync();
        await browser.ScreenshotAsync($"capture-{locale}");
        browser.AssertNoProblems();
    }

    /// <summary>A committed one-page entry whose page holds a phone number at a known place (OCR seeded, no recognition run).</summary>
    private (string Number, PixelBox Box) CommitSeeded(string tag)
    {
        var services = fixture.Server.Services;
        var store = services.GetRequiredService<ArchiveHost>().Store;
        var name = $"seed-{tag}-{Guid.NewGuid():N}"[..24];
        var batch = store.CreateBatch(name, fixture.Clerk);
        var path = TestPaths.SampleScan("en-invoice.jpg");
        var jpeg = File.ReadAllBytes(path);
        using var magick = new ImageMagick.MagickImage(jpeg);
        var (width, height) = ((int)magick.Width, (int)magick.Height);
        var document = store.AddDocument(batch.Id, path, "seed.jpg", fixture.Clerk);
        var label = new OcrWord("Phone:", new PixelBox(120, 400, 160, 40), 92);
        var box = new PixelBox(300, 400, 360, 40);
        var phone = new OcrWord("13812345678", box, 92);
        var ocr = new OcrPage(width, height, 300, 92, "eng", [new OcrLine("Phone: 13812345678", label.Box.Union(box), [label, phone])]);
        store.SavePage(new PageResult(batch.Id, document.Id, 1, ocr, new EncodedPageImage(jpeg, PageImageKind.Jpeg, width, height, 300), null));
        store.UpdateDocument(document with
        {
            Status = DocumentStatus.Done,
            PageCount = 1,
            DocumentType = DocumentTypes.Invoice,
            Fields = [new ExtractedField(FieldKeys.Phone, "13812345678", "13812345678", 0.95, 1, box) { Validation = FieldValidation.Valid }],
        });
        store.MoveBatch(batch.Id, BatchState.Processing, fixture.Clerk);
        store.MoveBatch(batch.Id, BatchState.ReadyForReview, fixture.Clerk);
        var reviewer = new Actor("browser-tests", Role.Reviewer);
        var batches = services.GetRequiredService<BatchService>();
        batches.Approve(reviewer, name, "seeded for the search screen");
        var entry = Assert.Single(batches.Commit(reviewer, name));
        return (entry.Number, box);
    }
}
