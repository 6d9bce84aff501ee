using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ScanArchive.Application.Review;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;
using ScanArchive.Web.Security;

namespace ScanArchive.Web.Api;

/// <summary>
/// The review screen's routes: page images and words, a box read on the spot, validation as you type, page actions
/// (blank, rotate, rescan), document actions (split, merge, move a page), the review queue and the label sheet.
/// Every change answers with the batch's new version.
/// </summary>
public static class ReviewApi
{
    /// <summary>How long a browser may keep a page image without asking again (the entity tag covers changes anyway).</summary>
    private const int ImageMaxAgeSeconds = 3600;

    /// <summary>Largest multipart body for one rescanned sheet.</summary>
    private const long MaxSheetBytes = 64L * 1024 * 1024;

    public static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var review = SecuritySetup.Policy(Permission.Review);
        var capture = SecuritySetup.Policy(Permission.Capture);
        var group = api.MapGroup("/batches").WithTags("Review");

        group.MapGet("/{name}/pages/{pageId}/image", Image)
            .WithSummary("The page image as the PDF holds it (JPEG as stored, CCITT G4 as PNG); ?w=N a JPEG thumbnail, ?crop=x,y,w,h a PNG crop. Cacheable (ETag).");
        group.MapGet("/{name}/pages/{pageId}/words", Words).WithSummary("Recognized words in image pixels, in reading order; Chinese characters with their own boxes.");
        group.MapPost("/{name}/pages/{pageId}/recognize", RecognizeAsync).RequireAuthorization(review).WithSummary("Reads the text in a box as one line, now.");
        group.MapPost("/{name}/pages/{pageId}/blank", Blank).RequireAuthorization(review).WithSummary("Marks a page blank (or not: {\"blank\": false}).");
        group.MapPost("/{name}/pages/{pageId}/rotate", Rotate).RequireAuthorization(review)
            .WithSummary("Turns a page by 90, -90 or 180 degrees; it is recognized again in the background (confirmed fields stay).");
        group.MapPost("/{name}/pages/{pageId}/rescan", RescanAsync).RequireAuthorization(capture).DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: MaxSheetBytes)
            .WithSummary("JSON {reason}: asks the clerk to scan the page again (reviewers). Multipart 'file': the new sheet replaces the page in place (the old one stays in the history).");
        group.MapPost("/{name}/pages/{pageId}/rescan/scan", RescanNowAsync).RequireAuthorization(capture)
            .WithSummary("Scans one sheet now from {device, source, dpi, mode} and puts it in the page's place (recognized again in the background; the old one stays in the history). A scanner fault answers 422 with what to do; the page is unchanged.");
        group.MapPost("/{name}/documents/{documentId}/split", Split).RequireAuthorization(review).WithSummary("Splits the review document so that beforePageId begins a new one.");
        group.MapPost("/{name}/documents/{documentId}/merge", Merge).RequireAuthorization(review).WithSummary("Merges the review document into the previous one.");
        group.MapPost("/{name}/move-page", MovePage).RequireAuthorization(review).WithSummary("Moves a page into another review document at a 0-based position.");
        group.MapGet("/{name}/characters", Characters).RequireAuthorization(review)
            .WithSummary("The character check: doubtful characters (confidence under ?below=, 0–1, default 0.6) with their boxes, grouped by character.");
        group.MapPost("/{name}/characters", FixCharacters).RequireAuthorization(review)
            .WithSummary("Confirms ({id, text} with the same text) or fixes characters of the character check in the pages' text; {fixes, version}.");
        group.MapPost("/{name}/documents/{documentId}/template", SaveTemplate).RequireAuthorization(review)
            .WithSummary("Saves the review document's field boxes as a zone template (<data>/templates/NAME.json) for the next folders of that form.");
        group.MapGet("/{name}/customer-matches", CustomerMatches).RequireAuthorization(review)
            .WithSummary("Where each review document would be filed on commit as its fields stand: an existing customer file, a new one, a conflict (what disagrees), or none.");
        group.MapPost("/{name}/review/open", Open).RequireAuthorization(review).WithSummary("Marks the batch as being reviewed by the caller (others see it; no lock).");
        group.MapGet("/{name}/labels", Labels).RequireAuthorization(SecuritySetup.Policy(Permission.ReadArchive))
            .WithSummary("The label sheet of a committed batch: number, type, customer, pages and a QR code (SVG) per entry.");

        api.MapPost("/validate", Validate).WithTags("Review").RequireAuthorization(review).WithSummary("Validates a field value as typed.");
        api.MapGet("/review/queue", Queue).WithTags("Review").RequireAuthorization(review).WithSummary("Batches ready for review (and in review by whom).");
        api.MapGet("/rescans", Rescans).WithTags("Review").RequireAuthorization(capture).WithSummary("Open rescan requests (a clerk: their own batches').");
        return api;
    }

    private static IResult Image(string name, string pageId, int? w, string? crop, HttpContext http, ReviewService review)
    {
        var box = crop is null ? (PixelBox?)null : ParseBox(crop.Split(','), nameof(crop));
        var content = review.Image(http.Actor(), name, pageId, w, box, http.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } tag ? tag : null);
        http.Response.Headers.ETag = content.ETag;
        http.Response.Headers.CacheControl = $"private, max-age={ImageMaxAgeSeconds.ToString(CultureInfo.InvariantCulture)}";
        return content.NotModified ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(content.Bytes!, content.ContentType);
    }

    private static Ok<IReadOnlyList<WordView>> Words(string name, string pageId, HttpContext http, ReviewService review) =>
        TypedResults.Ok(review.Words(http.Actor(), name, pageId));

    private static async Task<Ok<LineReading>> RecognizeAsync(string name, string pageId, RecognizeRequest request, HttpContext http, ReviewService review, CancellationToken cancellationToken) =>
        TypedResults.Ok(await review.RecognizeAsync(http.Actor(), name, pageId, ParseBox(request.Box, "box"), cancellationToken));

    private static Ok<ValueCheck> Validate(ValidateRequest request, HttpContext http, ReviewService review) =>
        TypedResults.Ok(review.Validate(http.Actor(), request.Key, request.Value));

    private static Ok<BatchStatusView> Blank(string name, string pageId, BlankRequest? request, HttpContext http, ReviewService review) =>
        TypedResults.Ok(BatchStatusView.Of(review.SetBlank(http.Actor(), name, pageId, request?.Blank ?? true, request?.Version)));

    private static Accepted<BatchStatusView> Rotate(string name, string pageId, RotateRequest request, HttpContext http, ReviewService review) =>
        TypedResults.Accepted($"/api/batches/{Uri.EscapeDataString(name)}/events", BatchStatusView.Of(review.Rotate(http.Actor(), name, pageId, request.Degrees, request.Version)));

    private static async Task<IResult> RescanAsync(string name, string pageId, HttpContext http, ReviewService review, CancellationToken cancellationToken)
    {
        var actor = http.Actor();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null || file.Length == 0)
            {
                return ApiProblems.Problem(http, StatusCodes.Status400BadRequest, "badRequest", "multipart part 'file' is missing or empty");
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            int? version = int.TryParse(form["version"], CultureInfo.InvariantCulture, out var v) ? v : null;
            var changed = review.ReplaceWithScan(actor, name, pageId, buffer.ToArray(), file.FileName, version);
            return TypedResults.Accepted($"/api/batches/{Uri.EscapeDataString(name)}/events", BatchStatusView.Of(changed));
        }

        var request = http.Request.HasJsonContentType() ? await http.Request.ReadFromJsonAsync<RescanRequestBody>(cancellationToken) : null;
        var created = review.RequestRescan(actor, name, pageId, request?.Reason, request?.Version);
        return TypedResults.Created("/api/rescans", created);
    }

    private static async Task<IResult> RescanNowAsync(string name, string pageId, RescanNowRequest request, HttpContext http, RescanNowService rescan, CancellationToken cancellationToken)
    {
        var settings = new Core.Capture.ScanSettings { Device = request.Device, Source = request.Source, Dpi = request.Dpi, Mode = request.Mode };
        try
        {
            var changed = await rescan.ScanAsync(http.Actor(), name, pageId, settings, request.Version, cancellationToken);
            return TypedResults.Accepted($"/api/batches/{Uri.EscapeDataString(name)}/events", BatchStatusView.Of(changed));
        }
        catch (Core.Capture.ScanException ex)
        {
            // What happened and what to do, in the caller's language; the driver's detail is not the reviewer's business.
            return ApiProblems.Problem(http, StatusCodes.Status422UnprocessableEntity, "scanFault",
                Core.Capture.ScanMessages.Fault(ex.Fault, null, null, CultureInfo.CurrentUICulture),
                new Dictionary<string, object?> { ["fault"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(ex.Fault.ToString()) });
        }
    }

    private static Ok<IReadOnlyList<ReviewCustomerMatch>> CustomerMatches(string name, HttpContext http, ReviewDocumentsService documents) =>
        TypedResults.Ok(documents.CustomerMatches(http.Actor(), name));

    private static Ok<IReadOnlyList<RescanRequest>> Rescans(HttpContext http, ReviewService review) => TypedResults.Ok(review.RescanRequests(http.Actor()));

    private static Ok<BatchStatusView> Split(string name, string documentId, SplitRequest request, HttpContext http, ReviewDocumentsService documents) =>
        TypedResults.Ok(BatchStatusView.Of(documents.Split(http.Actor(), name, documentId, request.BeforePageId, request.Version)));

    private static Ok<BatchStatusView> Merge(string name, string documentId, VersionRequest? request, HttpContext http, ReviewDocumentsService documents) =>
        TypedResults.Ok(BatchStatusView.Of(documents.Merge(http.Actor(), name, documentId, request?.Version)));

    private static Ok<BatchStatusView> MovePage(string name, MovePageRequest request, HttpContext http, ReviewDocumentsService documents) =>
        TypedResults.Ok(BatchStatusView.Of(documents.MovePage(http.Actor(), name, request.PageId, request.ToDocumentId, request.Position, request.Version)));

    private static Ok<CharacterCheck> Characters(string name, double? below, HttpContext http, CharacterCheckService characters) =>
        TypedResults.Ok(characters.List(http.Actor(), name, below ?? CharacterCheckService.DefaultBelow));

    private static Ok<CharacterCheckResult> FixCharacters(string name, CharacterFixRequest request, HttpContext http, CharacterCheckService characters) =>
        TypedResults.Ok(characters.Apply(http.Actor(), name, request.Fixes ?? [], request.Version));

    private static Created<SavedTemplate> SaveTemplate(string name, string documentId, TemplateRequest? request, HttpContext http, TemplateLearningService templates)
    {
        var saved = templates.SaveAsTemplate(http.Actor(), name, documentId, request?.Name);
        return TypedResults.Created($"/api/templates/{Uri.EscapeDataString(saved.Name)}", saved);
    }

    private static Ok<IReadOnlyList<ReviewQueueItem>> Queue(HttpContext http, ReviewDocumentsService documents) => TypedResults.Ok(documents.Queue(http.Actor()));

    private static Ok<BatchStatusView> Open(string name, HttpContext http, ReviewDocumentsService documents) =>
        TypedResults.Ok(BatchStatusView.Of(documents.Open(http.Actor(), name)));

    private static Ok<IReadOnlyList<EntryLabel>> Labels(string name, HttpContext http, ReviewDocumentsService documents) =>
        TypedResults.Ok(documents.Labels(http.Actor(), name));

    /// <summary><c>[x, y, w, h]</c> in image pixels.</summary>
    private static PixelBox ParseBox(IReadOnlyList<string>? parts, string what)
    {
        var numbers = parts?.Select(p => int.TryParse(p.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).ToList();
        if (numbers is not { Count: 4 } || numbers.Any(n => n is null) || numbers[2] <= 0 || numbers[3] <= 0)
        {
            throw new ArgumentException($"{what} must be four integers x,y,w,h with w and h positive.", what);
        }

        return new PixelBox(numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value);
    }

    private static PixelBox ParseBox(int[]? box, string what) => ParseBox(box?.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList(), what);
}

/// <summary>A box drawn on a page, <c>[x, y, w, h]</c> in image pixels.</summary>
public sealed record RecognizeRequest(int[] Box);

/// <summary>A value to validate for a field key.</summary>
public sealed record ValidateRequest(string Key, string? Value);

/// <summary>Mark a page blank (default) or not.</summary>
public sealed record BlankRequest(bool Blank = true, int? Version = null);

/// <summary>Turn a page: 90 (clockwise), -90 or 180.</summary>
public sealed record RotateRequest(int Degrees, int? Version = null);

/// <summary>Ask for a page to be scanned again.</summary>
/// <summary>The scanner to take one sheet from, for a page replaced now.</summary>
public sealed record RescanNowRequest(string Device, Core.Capture.ScanSource? Source = null, int? Dpi = null, Core.Capture.ColorMode? Mode = null, int? Version = null);

public sealed record RescanRequestBody(string? Reason = null, int? Version = null);

/// <summary>Split a review document before a page.</summary>
public sealed record SplitRequest(string BeforePageId, int? Version = null);

/// <summary>Optional batch version for a change (a stale one is refused with 409).</summary>
public sealed record VersionRequest(int? Version = null);

/// <summary>Move a page into a review document at a 0-based position.</summary>
public sealed record MovePageRequest(string PageId, string ToDocumentId, int Position, int? Version = null);

/// <summary>Verdicts of the character check, against the batch version they were made on.</summary>
public sealed record CharacterFixRequest(IReadOnlyList<CharacterFix>? Fixes, int? Version = null);

/// <summary>Save a review document as a zone template (name optional).</summary>
public sealed record TemplateRequest(string? Name = null);
