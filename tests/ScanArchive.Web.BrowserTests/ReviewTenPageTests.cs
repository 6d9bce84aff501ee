using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Application;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Extraction;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>
/// Issue 16's test batch: ten pages with seeded problems (a blurry page, a sideways page, a wrong ID digit, a missing
/// phone, two forms taken for one document), reviewed to commit with the keyboard only at 1366×768; keystrokes and
/// seconds are counted and printed.
/// </summary>
[Collection(ReviewCollection.Name)]
public sealed class ReviewTenPageTests(ReviewFixture fixture, ITestOutputHelper output)
{
    /// <summary>Enough steps for every field and page several times over; more means the flow is stuck.</summary>
    private const int MaxSteps = 300;

    private const string Signature =
        "() => { const r = document.querySelector('[data-page=review]'); return r ? [r.dataset.pageId, r.dataset.field, r.dataset.target, r.dataset.version, r.dataset.state, document.querySelectorAll('[data-review-dialog]').length].join('|') : 'gone'; }";

    [Fact]
    public async Task Ten_seeded_pages_are_reviewed_to_commit_with_the_keyboard_only()
    {
        var reviewer = fixture.Server.CreateAccount(Role.Reviewer);
        await using var browser = await fixture.OpenAsync(output);
        await browser.Page.SetViewportSizeAsync(1366, 768);
        await browser.SignInAsync(reviewer, WorkstationServer.Password);
        var page = browser.Page;
        var keys = 0;
        var clock = Stopwatch.StartNew();

        async Task PressAsync(string key)
        {
            var before = await page.EvaluateAsync<string>(Signature);
            await page.Keyboard.PressAsync(key);
            keys++;
            await page.WaitForFunctionAsync($"before => ({Signature})() !== before", before);
        }

        // From the queue with arrows and Enter.
        await browser.GotoAsync("/review");
        await Expect(page.Locator("[data-testid=queue][data-ready]")).ToHaveCountAsync(1);
        for (var i = 0; i < 30 && await page.EvaluateAsync<string>("() => document.activeElement?.textContent?.trim() ?? ''") != fixture.TenPageBatch; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            keys++;
        }

        await page.EvaluateAsync("() => document.querySelectorAll('[data-ready]').forEach(e => e.setAttribute('data-test-stale', ''))");
        await page.Keyboard.PressAsync("Enter");
        keys++;
        await browser.ReadyAsync();
        var root = page.Locator("[data-page=review]");
        await Expect(root).ToHaveAttributeAsync("data-batch", fixture.TenPageBatch);
        await Expect(page.Locator("[data-testid=viewer][data-loaded=true]")).ToHaveCountAsync(1);
        var documentsBefore = await page.Locator("[data-testid=strip-document]").CountAsync();
        Assert.Equal(10, await page.Locator("[data-testid=thumb]").CountAsync());
        Assert.Equal(9, documentsBefore);

        // The seeded problems are visible: a blurry page's QC verdict, the sideways page turned upright.
        Assert.True(await page.Locator("[data-testid=thumb][data-verdict=warn], [data-testid=thumb][data-verdict=fail]").CountAsync() >= 1);
        Assert.True(await page.Locator("[data-testid=badge-rotated]").CountAsync() >= 1);

        // The two forms taken for one document: PageDown to the invoice's page, S splits before it.
        for (var i = 0; i < 12 && await root.GetAttributeAsync("data-page-id") != fixture.SplitBeforePage; i++)
        {
            await PressAsync("PageDown");
        }

        await Expect(root).ToHaveAttributeAsync("data-page-id", fixture.SplitBeforePage);
        await page.Keyboard.PressAsync("Escape");
        keys++;
        await PressAsync("s");
        await Expect(page.Locator("[data-testid=strip-document]")).ToHaveCountAsync(documentsBefore + 1);

        // The flow: Enter on fields (typing the right value where one is missing or wrong), A on pages, then approve and commit.
        var steps = 0;
        var typed = new List<string>();
        for (; steps < MaxSteps; steps++)
        {
            var state = await root.GetAttributeAsync("data-state");
            if (state == "committed")
            {
                break;
            }

            var before = await page.EvaluateAsync<string>(Signature);
            var target = await root.GetAttributeAsync("data-target");
            if (await page.Locator("[data-testid=approve-dialog]").CountAsync() > 0)
            {
                await page.Keyboard.TypeAsync("ten-page test");
                keys += "ten-page test".Length;
                await page.Keyboard.PressAsync("Enter");
            }
            else if (state == "approved")
            {
                await page.Keyboard.PressAsync("Shift+C");
            }
            else if (target == "field")
            {
                var key = await root.GetAttributeAsync("data-field") ?? "";
                var input = page.Locator($"[data-field-input='{key}']");
                await Expect(input).ToBeFocusedAsync();
                var value = await input.InputValueAsync();
                var fieldState = await page.Locator($"[data-testid=field][data-field='{key}']").GetAttributeAsync("data-state");
                var fix = key == FieldKeys.IdNumber && value == ReviewFixture.WrongId ? ReviewFixture.RightId
                    : fieldState == "missing" ? (key == FieldKeys.Phone ? ReviewFixture.MissingPhone : "N/A")
                    : null;
                if (fix is not null)
                {
                    // The value is selected when the field gets the cursor: typing replaces it.
                    await page.Keyboard.TypeAsync(fix);
                    keys += fix.Length;
                    typed.Add(key);
                }

                await page.Keyboard.PressAsync("Enter");
            }
            else if (target == "page")
            {
                await page.Keyboard.PressAsync("a");
            }
            else
            {
                await page.Keyboard.PressAsync("Shift+A");
            }

            keys++;
            await page.WaitForFunctionAsync($"before => ({Signature})() !== before", before);
        }

        clock.Stop();
        Assert.True(steps < MaxSteps, "The keyboard flow did not reach the commit.");
        var batch = fixture.Server.Batch(fixture.TenPageBatch);
        Assert.Equal(BatchState.Committed, batch.State);
        await Expect(browser.ById("review-entries")).ToContainTextAsync(batch.EntryNumbers[0]);

        // What was committed: the fixed ID, the typed phone, the contract and the invoice as two entries.
        var store = fixture.Server.Services.GetRequiredService<ArchiveHost>().Store;
        var entries = batch.EntryNumbers.Select(n => store.FindEntry(n)!).ToList();
        Assert.Contains(entries, e => e.Fields.GetValueOrDefault(FieldKeys.IdNumber) == ReviewFixture.RightId);
        Assert.DoesNotContain(entries, e => e.Fields.GetValueOrDefault(FieldKeys.IdNumber) == ReviewFixture.WrongId);
        Assert.Contains(entries, e => e.Fields.GetValueOrDefault(FieldKeys.Phone) == ReviewFixture.MissingPhone);
        var contract = entries.Single(e => e.Pages.Any(p => p.PageId == fixture.ContractPage));
        Assert.DoesNotContain(contract.Pages, p => p.PageId == fixture.SplitBeforePage);
        Assert.Contains(entries, e => e.Pages.Any(p => p.PageId == fixture.SplitBeforePage));
        Assert.Contains(FieldKeys.IdNumber, typed);
        Assert.Contains(FieldKeys.Phone, typed);
        output.WriteLine($"keyboard-only review of the 10-page test batch: {keys} keystrokes, {steps} flow steps, {clock.Elapsed.TotalSeconds:0.0} s (queue to commit); typed {typed.Count} values ({string.Join(", ", typed)}); {entries.Count} entries");
        browser.AssertNoProblems();
    }
}
