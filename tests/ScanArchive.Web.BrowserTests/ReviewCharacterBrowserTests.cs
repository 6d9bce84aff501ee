using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Application;
using ScanArchive.Application.Review;
using ScanArchive.Core.Accounts;
using ScanArchive.Web.BrowserTests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ScanArchive.Web.BrowserTests;

/// <summary>The character check screen, and "save as template" from the review screen.</summary>
[Collection(ReviewCollection.Name)]
public sealed class ReviewCharacterBrowserTests(ReviewFixture fixture, ITestOutputHelper output)
{
    /// <summary>The screen's default threshold (the fixture made every third Chinese character doubtful).</summary>
    private const double Below = CharacterCheckService.DefaultBelow;

    private static readonly Actor Admin = new("browser-tests", Role.Admin);

    [Fact]
    public async Task Groups_of_doubtful_characters_are_confirmed_or_fixed_with_a_few_keys()
    {
        var characters = fixture.Server.Services.GetRequiredService<CharacterCheckService>();
        var before = characters.List(Admin, fixture.CharactersBatch, Below);
        Assert.True(before.Groups.Count >= 2, $"The sample page has {before.Total} characters under {Below:0.00}.");

        var reviewer = fixture.Server.CreateAccount(Role.Reviewer);
        await using var browser = await fixture.OpenAsync(output, "zh-CN");
        await browser.Page.SetViewportSizeAsync(1366, 768);
        await browser.SignInAsync(reviewer, WorkstationServer.Password);
        await browser.GotoAsync($"/review/{fixture.CharactersBatch}/characters?below={Below.ToString(CultureInfo.InvariantCulture)}");
        var root = browser.Page.Locator("[data-page=characters]");
        await Expect(root).ToHaveAttributeAsync("data-total", before.Total.ToString(CultureInfo.InvariantCulture));
        await Expect(browser.ById("char-tile")).ToHaveCountAsync(before.Total);
        var first = before.Groups[0];
        var firstInput = browser.Page.Locator($"[data-testid=char-group-input][data-char='{first.Text}']");
        await Expect(firstInput).ToBeFocusedAsync();
        await browser.ScreenshotAsync("character-check-zh");

        // Enter: the whole first group confirmed as read (one key for all its characters).
        var keys = 0;
        var clock = Stopwatch.StartNew();
        await browser.Page.Keyboard.PressAsync("Enter");
        keys++;
        await Expect(root).ToHaveAttributeAsync("data-total", (before.Total - first.Items.Count).ToString(CultureInfo.InvariantCulture));

        // The next group: Tab to its first crop, Space leaves it out, Shift+Tab back, type a fix, Enter.
        var second = before.Groups[1];
        var secondInput = browser.Page.Locator($"[data-testid=char-group-input][data-char='{second.Text}']");
        await Expect(secondInput).ToBeFocusedAsync();
        var leftOut = second.Items.Count > 1 ? second.Items[0].Id : null;
        if (leftOut is not null)
        {
            await browser.Page.Keyboard.PressAsync("Tab");
            await browser.Page.Keyboard.PressAsync("Space");
            await Expect(browser.Page.Locator($"[data-testid=char-tile][data-id='{leftOut}']")).ToHaveAttributeAsync("data-excluded", "true");
            await browser.Page.Keyboard.PressAsync("Shift+Tab");
            keys += 3;
        }

        const string Fix = "测";
        await browser.Page.Keyboard.TypeAsync(Fix);
        await browser.Page.Keyboard.PressAsync("Enter");
        keys += 2;
        var fixedCount = second.Items.Count - (leftOut is null ? 0 : 1);
        await Expect(browser.ById("characters-message")).ToContainTextAsync(fixedCount.ToString(CultureInfo.InvariantCulture));
        clock.Stop();

        // Stored: the fixed characters are in the page text, the confirmed ones are no longer doubtful.
        var after = characters.List(Admin, fixture.CharactersBatch, Below);
        Assert.Equal(before.Total - first.Items.Count - fixedCount, after.Total);
        Assert.Equal(leftOut is null ? 0 : 1, after.Groups.SelectMany(g => g.Items).Count(i => i.Id == leftOut));
        var store = fixture.Server.Services.GetRequiredService<ArchiveHost>().Store;
        var fixedPage = store.FindPage(second.Items[^1].PageId)!;
        Assert.Contains(Fix, string.Concat(fixedPage.Ocr.Lines.Select(l => l.Text)), StringComparison.Ordinal);
        output.WriteLine($"character check: {first.Items.Count + fixedCount} characters confirmed or fixed with {keys} keys in {clock.Elapsed.TotalSeconds:0.0} s ({before.Total} listed under {Below:0.00} in {before.Groups.Count} groups)");
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Save_as_template_stores_the_documents_field_boxes_as_a_zone_template()
    {
        var reviewer = fixture.Server.CreateAccount(Role.Reviewer);
        await using var browser = await fixture.OpenAsync(output);
        await browser.Page.SetViewportSizeAsync(1366, 768);
        await browser.SignInAsync(reviewer, WorkstationServer.Password);
        await browser.GotoAsync($"/review/{fixture.TemplateBatch}");
        await Expect(browser.Page.Locator("[data-testid=viewer][data-loaded=true]")).ToHaveCountAsync(1);
        await Expect(browser.ById("review-save-template").Locator("kbd")).ToHaveTextAsync("T");

        var folder = Path.Combine(fixture.Server.DataFolder, "templates");
        var existing = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").ToHashSet() : [];
        await browser.Page.Keyboard.PressAsync("Escape");
        await browser.Page.Keyboard.PressAsync("t");
        await Expect(browser.ById("review-message")).ToContainTextAsync("Template");
        var created = Directory.GetFiles(folder, "*.json").Where(f => !existing.Contains(f)).ToList();
        var file = Assert.Single(created);
        var template = ScanArchive.Extraction.Templates.FormTemplateStore.Load(file);
        Assert.NotEmpty(template.Zones);
        Assert.Equal("customer_registration", template.DocType);
        output.WriteLine($"saved {Path.GetFileName(file)}: {template.Zones.Count} zones ({string.Join(", ", template.Zones.Select(z => z.Key))}), {template.Anchors.Count} anchors");
        File.Delete(file);
        browser.AssertNoProblems();
    }
}
