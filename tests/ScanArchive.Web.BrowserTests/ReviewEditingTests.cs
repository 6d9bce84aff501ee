using System.Text.Json;
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

/// <summary>Correcting fields on the review screen: by clicking words, by drawing a box, across a reload, against another reviewer.</summary>
[Collection(ReviewCollection.Name)]
public sealed class ReviewEditingTests(ReviewFixture fixture, ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Clicking_a_word_fills_the_active_field_and_shift_click_extends_it()
    {
        var (browser, root) = await OpenAsync(fixture.ClickBatch);
        await using var session = browser;
        var (key, pageId) = await ActiveFieldAsync(browser, root);
        var words = await WordsAsync(browser, fixture.ClickBatch, pageId);
        var rects = browser.Page.Locator("[data-testid=viewer-word]");
        await Expect(rects).ToHaveCountAsync(words.Count);

        // Two neighbouring words of one line, both on screen.
        var first = FirstPairOnOneLine(words);
        await rects.Nth(first).ClickAsync();
        var input = browser.Page.Locator($"[data-field-input='{key}']");
        await Expect(input).ToHaveValueAsync(words[first].Text);
        await rects.Nth(first + 1).ClickAsync(new LocatorClickOptions { Modifiers = [KeyboardModifier.Shift] });
        var joined = words[first].Text + " " + words[first + 1].Text;
        await Expect(input).ToHaveValueAsync(joined);

        // Saved at once, in the reviewer's name.
        var field = browser.Page.Locator($"[data-testid=field][data-field='{key}']");
        await Expect(field).ToHaveAttributeAsync("data-state", "confirmed");
        Assert.Equal(joined, StoredValue(fixture.ClickBatch, key));
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Drawing_a_box_reads_it_into_the_active_field()
    {
        var (browser, root) = await OpenAsync(fixture.DrawBatch);
        await using var session = browser;
        var (key, pageId) = await ActiveFieldAsync(browser, root);
        var words = await WordsAsync(browser, fixture.DrawBatch, pageId);

        // A clearly read word of plain letters, boxed with a margin.
        var index = words.FindIndex(w => w.Confidence >= 85 && w.Text.Length >= 5 && w.Text.All(char.IsAsciiLetter));
        Assert.True(index >= 0, "The sample page has no clearly read word.");
        var box = await browser.Page.Locator("[data-testid=viewer-word]").Nth(index).BoundingBoxAsync() ?? throw new InvalidOperationException("The word is not on screen.");
        await browser.Page.Keyboard.PressAsync("Escape");
        await browser.Page.Keyboard.PressAsync("d");
        await Expect(browser.ById("viewer")).ToHaveAttributeAsync("data-draw", "true");
        await browser.Page.Mouse.MoveAsync(box.X - 6, box.Y - 6);
        await browser.Page.Mouse.DownAsync();
        await browser.Page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2), new MouseMoveOptions { Steps = 4 });
        await browser.Page.Mouse.MoveAsync(box.X + box.Width + 6, box.Y + box.Height + 6, new MouseMoveOptions { Steps = 4 });
        await browser.Page.Mouse.UpAsync();

        var input = browser.Page.Locator($"[data-field-input='{key}']");
        await Expect(input).ToHaveValueAsync(new Regex(Regex.Escape(words[index].Text), RegexOptions.IgnoreCase));
        await Expect(browser.Page.Locator($"[data-testid=field][data-field='{key}']")).ToHaveAttributeAsync("data-state", "confirmed");
        output.WriteLine($"drew a box around \"{words[index].Text}\", read \"{await input.InputValueAsync()}\"");
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task A_reload_mid_review_returns_to_the_same_place_with_every_change()
    {
        var (browser, root) = await OpenAsync(fixture.ReloadBatch);
        await using var session = browser;
        var (key, _) = await ActiveFieldAsync(browser, root);
        const string Value = "RELOAD-KEEPS-ME";
        await browser.Page.Keyboard.PressAsync("Control+A");
        await browser.Page.Keyboard.TypeAsync(Value);
        await browser.Page.Keyboard.PressAsync("Enter");
        await Expect(root).Not.ToHaveAttributeAsync("data-field", key);
        var place = (await root.GetAttributeAsync("data-page-id"), await root.GetAttributeAsync("data-field"));
        await Expect(browser.Page).ToHaveURLAsync(new Regex(Regex.Escape($"page={place.Item1}")));

        await browser.Page.EvaluateAsync("() => document.querySelectorAll('[data-ready]').forEach(e => e.setAttribute('data-test-stale', ''))");
        await browser.Page.ReloadAsync();
        await browser.ReadyAsync();
        root = browser.Page.Locator("[data-page=review]");
        await Expect(root).ToHaveAttributeAsync("data-page-id", place.Item1 ?? "");
        if (place.Item2 is not null)
        {
            await Expect(root).ToHaveAttributeAsync("data-field", place.Item2);
        }

        await Expect(browser.Page.Locator($"[data-field-input='{key}']")).ToHaveValueAsync(Value);
        await Expect(browser.Page.Locator($"[data-testid=field][data-field='{key}']")).ToHaveAttributeAsync("data-state", "confirmed");
        Assert.Equal(Value, StoredValue(fixture.ReloadBatch, key));
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task The_second_of_two_reviewers_editing_one_field_sees_the_first_ones_value_and_a_conflict()
    {
        var (first, firstRoot) = await OpenAsync(fixture.ConflictBatch);
        await using var firstSession = first;
        var (second, secondRoot) = await OpenAsync(fixture.ConflictBatch);
        await using var secondSession = second;
        var (key, _) = await ActiveFieldAsync(first, firstRoot);
        Assert.Equal(key, await secondRoot.GetAttributeAsync("data-field"));

        // Both start typing; the first saves first. The second's screen has taken its typing as a draft (the server
        // saw it) before the first saves: the first's value then arrives while the second's text stays as typed.
        await Expect(second.Page.Locator($"[data-field-input='{key}']")).ToBeFocusedAsync();
        await second.Page.Keyboard.PressAsync("Control+A");
        await second.Page.Keyboard.TypeAsync("SECOND-VALUE");
        await Expect(second.Page.Locator($"[data-testid=field][data-field='{key}']")).ToHaveAttributeAsync("data-draft", "true");
        await first.Page.Keyboard.PressAsync("Control+A");
        await first.Page.Keyboard.TypeAsync("FIRST-VALUE");
        await first.Page.Keyboard.PressAsync("Enter");
        await Expect(first.Page.Locator($"[data-testid=field][data-field='{key}']")).ToHaveAttributeAsync("data-state", "confirmed");
        await Expect(second.Page.Locator($"[data-field-input='{key}']")).ToHaveValueAsync("SECOND-VALUE");
        await second.Page.Keyboard.PressAsync("Enter");

        var message = second.Page.Locator($"[data-testid=field][data-field='{key}'] [data-testid=field-message]");
        await Expect(message).ToHaveCountAsync(1);
        output.WriteLine("the second reviewer reads: " + await message.TextContentAsync());
        await Expect(message).ToContainTextAsync("FIRST-VALUE");
        await Expect(message).ToContainTextAsync("SECOND-VALUE");
        await Expect(message).ToHaveAttributeAsync("role", "alert");
        await Expect(second.Page.Locator($"[data-field-input='{key}']")).ToHaveValueAsync("FIRST-VALUE");
        Assert.Equal("FIRST-VALUE", StoredValue(fixture.ConflictBatch, key));
        first.AssertNoProblems();
        second.AssertNoProblems();
    }

    private async Task<(BrowserSession Browser, ILocator Root)> OpenAsync(string batch)
    {
        var reviewer = fixture.Server.CreateAccount(Role.Reviewer);
        var browser = await fixture.OpenAsync(output);
        await browser.Page.SetViewportSizeAsync(1366, 768);
        await browser.SignInAsync(reviewer, WorkstationServer.Password);
        await browser.GotoAsync($"/review/{batch}");
        await Expect(browser.Page.Locator("[data-testid=viewer][data-loaded=true]")).ToHaveCountAsync(1);
        return (browser, browser.Page.Locator("[data-page=review]"));
    }

    private static async Task<(string Key, string PageId)> ActiveFieldAsync(BrowserSession browser, ILocator root)
    {
        await Expect(root).ToHaveAttributeAsync("data-target", "field");
        var key = await root.GetAttributeAsync("data-field") ?? throw new InvalidOperationException("No active field.");
        await Expect(browser.Page.Locator($"[data-field-input='{key}']")).ToBeFocusedAsync();
        return (key, await root.GetAttributeAsync("data-page-id") ?? "");
    }

    private static async Task<List<WordView>> WordsAsync(BrowserSession browser, string batch, string pageId)
    {
        var response = await browser.Context.APIRequest.GetAsync($"/api/batches/{batch}/pages/{pageId}/words");
        Assert.True(response.Ok, $"words answered {response.Status}");
        var words = JsonSerializer.Deserialize<List<WordView>>(await response.TextAsync(), Json) ?? [];
        Assert.NotEmpty(words);
        return words;
    }

    private static int FirstPairOnOneLine(List<WordView> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i].Line == words[i + 1].Line && words[i].Text.All(char.IsAsciiLetterOrDigit) && words[i + 1].Text.All(char.IsAsciiLetterOrDigit))
            {
                return i;
            }
        }

        throw new InvalidOperationException("No two Latin words on one line.");
    }

    private string StoredValue(string batch, string key)
    {
        var documents = fixture.Server.Services.GetRequiredService<ReviewDocumentsService>().Documents(new Actor("browser-tests", Role.Admin), batch);
        return documents.SelectMany(d => d.Fields).First(f => f.Key == key).Value;
    }
}
