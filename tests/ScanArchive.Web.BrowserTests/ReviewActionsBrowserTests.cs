using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ScanArchive.Application;
using ScanArchive.Application.Review;
using ScanArchive.Core.Accounts;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>Page and document actions by their keys: each shows on the screen at once and is still there after a reload (stored).</summary>
[Collection(ReviewCollection.Name)]
public sealed class ReviewActionsBrowserTests(ReviewFixture fixture, ITestOutputHelper output)
{
    /// <summary>A turned page is recognized again in the background: a few seconds, more on a loaded machine.</summary>
    private const float ReworkTimeout = 90_000;

    private static readonly Actor Admin = new("browser-tests", Role.Admin);

    [Fact]
    public async Task Rotate_and_blank_show_on_the_screen_and_are_stored()
    {
        var documents = Documents();
        var turned = documents[^1].Pages[0];
        var blanked = documents[0].Pages[0];
        var (width, height) = (turned.Page.Width, turned.Page.Height);
        await using var browser = await OpenAsync(turned.Id);
        var root = browser.Page.Locator("[data-page=review]");

        // ] turns the page clockwise: marked while it is read again, then shown turned (a new image address).
        await browser.Page.Keyboard.PressAsync("]");
        await Expect(browser.ById("page-rework")).ToContainTextAsync("rotate 90");
        await Expect(browser.Page.Locator(".viewer-image")).ToHaveAttributeAsync("src", new Regex("[?&]r=1"), new() { Timeout = ReworkTimeout });
        await Expect(browser.ById("page-rework")).ToHaveCountAsync(0);
        var stored = fixture.Server.Services.GetRequiredService<ArchiveHost>().Store.FindPage(turned.Id)!;
        Assert.Equal("rotate 90", Assert.Single(stored.History).Change);
        Assert.Equal((height, width), (stored.Image!.Width, stored.Image.Height));

        // B marks the first document's page blank: its thumbnail says so, and so does the store.
        await browser.GotoAsync($"/review/{fixture.ActionsBatch}?page={blanked.Id}");
        await Expect(root).ToHaveAttributeAsync("data-page-id", blanked.Id);
        await browser.Page.Keyboard.PressAsync("Escape");
        await browser.Page.Keyboard.PressAsync("b");
        var thumb = browser.Page.Locator($"[data-testid=thumb][data-page-id='{blanked.Id}']");
        await Expect(thumb.Locator("[data-testid=badge-blank]")).ToHaveCountAsync(1);
        Assert.True(fixture.Server.Services.GetRequiredService<ArchiveHost>().Store.FindPage(blanked.Id)!.Blank);

        await browser.Page.EvaluateAsync("() => document.querySelectorAll('[data-ready]').forEach(e => e.setAttribute('data-test-stale', ''))");
        await browser.Page.ReloadAsync();
        await browser.ReadyAsync();
        await Expect(thumb.Locator("[data-testid=badge-blank]")).ToHaveCountAsync(1);
        await Expect(browser.Page.Locator($"[data-testid=thumb][data-page-id='{turned.Id}'] img")).ToHaveAttributeAsync("src", new Regex("[?&]r=1"));
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Merge_split_and_move_rearrange_the_documents_on_screen_and_in_the_store()
    {
        var documents = Documents();
        var page = documents[1].Pages[0];
        await using var browser = await OpenAsync(page.Id);
        var strip = browser.Page.Locator("[data-testid=strip-document]");
        await Expect(strip).ToHaveCountAsync(3);

        // M: the second document joins the first.
        await browser.Page.Keyboard.PressAsync("m");
        await Expect(strip).ToHaveCountAsync(2);
        await Expect(strip.Nth(0).Locator($"[data-testid=thumb][data-page-id='{page.Id}']")).ToHaveCountAsync(1);
        Assert.Equal(2, Documents().Count);

        // S: split again before the same page.
        await browser.Page.Keyboard.PressAsync("s");
        await Expect(strip).ToHaveCountAsync(3);
        Assert.Equal([page.Id], Documents()[1].Pages.Select(p => p.Id));

        // V, then 2 (the second other document): the page goes to the end of the third document; its own empties.
        await browser.Page.Keyboard.PressAsync("v");
        await Expect(browser.ById("move-dialog")).ToBeVisibleAsync();
        await browser.Page.Keyboard.PressAsync("2");
        await Expect(browser.ById("move-dialog")).ToHaveCountAsync(0);
        await Expect(strip).ToHaveCountAsync(2);
        await Expect(strip.Nth(1).Locator("[data-testid=thumb]").Last).ToHaveAttributeAsync("data-page-id", page.Id);
        var stored = Documents();
        Assert.Equal(2, stored.Count);
        Assert.Equal(page.Id, stored[1].Pages[^1].Id);

        // A reload shows the stored arrangement.
        await browser.Page.EvaluateAsync("() => document.querySelectorAll('[data-ready]').forEach(e => e.setAttribute('data-test-stale', ''))");
        await browser.Page.ReloadAsync();
        await browser.ReadyAsync();
        await Expect(strip).ToHaveCountAsync(2);
        await Expect(strip.Nth(1).Locator("[data-testid=thumb]").Last).ToHaveAttributeAsync("data-page-id", page.Id);
        browser.AssertNoProblems();
    }

    private IReadOnlyList<ReviewDocumentView> Documents() =>
        fixture.Server.Services.GetRequiredService<ReviewDocumentsService>().Documents(Admin, fixture.ActionsBatch);

    private async Task<BrowserSession> OpenAsync(string pageId)
    {
        var reviewer = fixture.Server.CreateAccount(Role.Reviewer);
        var browser = await fixture.OpenAsync(output);
        await browser.Page.SetViewportSizeAsync(1366, 768);
        await browser.SignInAsync(reviewer, WorkstationServer.Password);
        await browser.GotoAsync($"/review/{fixture.ActionsBatch}?page={pageId}");
        await Expect(browser.Page.Locator("[data-testid=viewer][data-loaded=true]")).ToHaveCountAsync(1);
        await Expect(browser.Page.Locator("[data-page=review]")).ToHaveAttributeAsync("data-page-id", pageId);

        // The screen starts with the cursor in no field (a page was asked for): letters act on the page.
        await browser.Page.Keyboard.PressAsync("Escape");
        return browser;
    }
}
