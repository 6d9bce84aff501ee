using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>
/// A reviewer takes a several-document batch with QC problems (blurry, sideways, blank) from the queue to committed
/// entries with the keyboard only, at 1366×768; the keystrokes and seconds it took are printed.
/// </summary>
[Collection(ReviewCollection.Name)]
public sealed class ReviewKeyboardTests(ReviewFixture fixture, ITestOutputHelper output)
{
    /// <summary>Enough steps for every field and page of the batch several times over; more means the flow is stuck.</summary>
    private const int MaxSteps = 200;

    // What the screen shows as its place; every step of the flow changes it.
    private const string Signature =
        "() => { const r = document.querySelector('[data-page=review]'); return r ? [r.dataset.pageId, r.dataset.field, r.dataset.target, r.dataset.version, r.dataset.state, document.querySelectorAll('[data-review-dialog]').length].join('|') : 'gone'; }";

    [Fact]
    public async Task A_batch_is_reviewed_from_the_queue_to_committed_entries_with_the_keyboard_only()
    {
        var reviewer = fixture.Server.CreateAccount(Role.Reviewer);
        await using var browser = await fixture.OpenAsync(output);
        await browser.Page.SetViewportSizeAsync(1366, 768);
        await browser.SignInAsync(reviewer, WorkstationServer.Password);
        var keys = 0;
        var clock = Stopwatch.StartNew();

        // The queue: the batch is listed with its QC problems; arrow keys pick it, Enter opens it.
        await browser.GotoAsync("/review");
        await Expect(browser.Page.Locator("[data-testid=queue][data-ready]")).ToHaveCountAsync(1);
        var row = browser.Row("queue-row", fixture.KeyboardBatch);
        await Expect(row).ToHaveCountAsync(1);
        var qcProblems = int.Parse(await row.GetAttributeAsync("data-qc-failures") ?? "0") + int.Parse(await row.GetAttributeAsync("data-qc-warnings") ?? "0");
        Assert.True(qcProblems >= 2, $"The queue shows {qcProblems} QC problems for a batch with a blurry, a sideways and a blank page.");
        await browser.ScreenshotAsync("review-queue");
        for (var i = 0; i < 20 && await FocusedTextAsync(browser) != fixture.KeyboardBatch; i++)
        {
            await browser.Page.Keyboard.PressAsync("ArrowDown");
            keys++;
        }

        Assert.Equal(fixture.KeyboardBatch, await FocusedTextAsync(browser));
        await browser.Page.EvaluateAsync("() => document.querySelectorAll('[data-ready]').forEach(e => e.setAttribute('data-test-stale', ''))");
        await browser.Page.Keyboard.PressAsync("Enter");
        keys++;
        await browser.ReadyAsync();
        var root = browser.Page.Locator("[data-page=review]");
        await Expect(root).ToHaveAttributeAsync("data-batch", fixture.KeyboardBatch);
        await Expect(root).ToHaveAttributeAsync("data-in-review-by", reviewer);
        await Expect(browser.Page.Locator("[data-testid=viewer][data-loaded=true]")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("review-screen-en");

        // The flow: a field → type (when missing) and Enter; a page → A; everything done → Shift+A, then Shift+C.
        var typed = new Dictionary<string, string>();
        var steps = 0;
        for (; steps < MaxSteps; steps++)
        {
            var state = await root.GetAttributeAsync("data-state");
            if (state == "committed")
            {
                break;
            }

            var before = await browser.Page.EvaluateAsync<string>(Signature);
            var target = await root.GetAttributeAsync("data-target");
            if (await browser.Page.Locator("[data-testid=approve-dialog]").CountAsync() > 0)
            {
                await Expect(browser.ById("override-reason")).ToBeFocusedAsync();
                keys += await TypeAsync(browser, "keyboard test override");
                await browser.Page.Keyboard.PressAsync("Enter");
            }
            else if (state == "approved")
            {
                await browser.Page.Keyboard.PressAsync("Shift+C");
            }
            else if (target == "field")
            {
                var key = await root.GetAttributeAsync("data-field") ?? "";
                var input = browser.Page.Locator($"[data-field-input='{key}']");
                await Expect(input).ToBeFocusedAsync();
                var field = browser.Page.Locator($"[data-testid=field][data-field='{key}']");
                if (await field.GetAttributeAsync("data-state") == "missing")
                {
                    var value = ValueFor(key);
                    typed[key] = value;
                    keys += await TypeAsync(browser, value);
                }

                await browser.Page.Keyboard.PressAsync("Enter");
            }
            else if (target == "page")
            {
                await browser.Page.Keyboard.PressAsync("a");
            }
            else
            {
                await browser.Page.Keyboard.PressAsync("Shift+A");
            }

            keys++;
            await browser.Page.WaitForFunctionAsync($"before => ({Signature})() !== before", before);
        }

        Assert.True(steps < MaxSteps, "The keyboard flow did not reach the commit.");
        var batch = fixture.Server.Batch(fixture.KeyboardBatch);
        Assert.Equal(BatchState.Committed, batch.State);
        Assert.NotEmpty(batch.EntryNumbers);
        await Expect(browser.ById("review-entries")).ToContainTextAsync(batch.EntryNumbers[0]);
        await Expect(browser.ById("labels-link")).ToBeFocusedAsync();

        // The label sheet, by Enter on the focused link.
        await browser.Page.EvaluateAsync("() => document.querySelectorAll('[data-ready]').forEach(e => e.setAttribute('data-test-stale', ''))");
        await browser.Page.Keyboard.PressAsync("Enter");
        keys++;
        await browser.ReadyAsync();
        clock.Stop();
        await Expect(browser.Page).ToHaveURLAsync(new Regex("/labels$"));
        await Expect(browser.ById("label")).ToHaveCountAsync(batch.EntryNumbers.Count);
        await Expect(browser.ById("label-qr").First.Locator("svg")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("review-labels");
        output.WriteLine($"keyboard-only review of {ReviewFixture.KeyboardScans.Length} documents: {keys} keystrokes, {steps} steps, {clock.Elapsed.TotalSeconds:0.0} s; typed {typed.Count} missing fields; entries {string.Join(", ", batch.EntryNumbers)}");
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Question_mark_lists_every_shortcut_and_buttons_print_theirs()
    {
        var reviewer = fixture.Server.CreateAccount(Role.Reviewer);
        await using var browser = await fixture.OpenAsync(output);
        await browser.SignInAsync(reviewer, WorkstationServer.Password);
        await browser.GotoAsync($"/review/{fixture.ReloadBatch}");
        await browser.Page.Keyboard.PressAsync("Escape");
        await browser.Page.Keyboard.PressAsync("?");
        await Expect(browser.ById("help-dialog")).ToBeVisibleAsync();
        Assert.True(await browser.ById("help-row").CountAsync() >= 20);
        await Expect(browser.ById("page-approve").Locator("kbd")).ToHaveTextAsync("A");
        await Expect(browser.ById("review-approve-batch").Locator("kbd")).ToHaveTextAsync("Shift+A");
        await browser.Page.Keyboard.PressAsync("Escape");
        await Expect(browser.ById("help-dialog")).ToHaveCountAsync(0);
        browser.AssertNoProblems();
    }

    private static Task<string> FocusedTextAsync(BrowserSession browser) =>
        browser.Page.EvaluateAsync<string>("() => document.activeElement?.matches('[data-queue-link]') ? document.activeElement.textContent.trim() : ''");

    private static async Task<int> TypeAsync(BrowserSession browser, string text)
    {
        await browser.Page.Keyboard.TypeAsync(text);
        return text.Length;
    }

    private static string ValueFor(string key) => key switch
    {
        "phone" => "13812345678",
        "customer_name" => "张三",
        "id_number" => "11010519491231002X",
        "date_of_birth" or "document_date" => "2024-01-02",
        "amount" => "100.00",
        _ => "N/A",
    };
}
