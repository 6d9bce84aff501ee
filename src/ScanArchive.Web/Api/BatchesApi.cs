using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Capture;
using ScanArchive.Application.Processing;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Capture;
using ScanArchive.Web.Hosting;
using ScanArchive.Web.Security;

namespace ScanArchive.Web.Api;

/// <summary><c>/api/batches</c>: capture, review, approval and commit.</summary>
public static class BatchesApi
{
    public static RouteGroupBuilder MapBatchesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/batches").WithTags("Batches");
        var capture = SecuritySetup.Policy(Permission.Capture);
        var review = SecuritySetup.Policy(Permission.Review);

        group.MapGet("/", List).WithSummary("Batches the caller may see (a clerk: their own), newest first.");
        group.MapPost("/", Create).RequireAuthorization(capture).WithSummary("Creates an empty batch.");
        group.MapGet("/{name}", Get).WithSummary("A batch with its documents, pages (QC verdicts) and fields.");
        group.MapPost("/{name}/files", UploadAsync).RequireAuthorization(capture).DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: UploadService.MaxRequestBytes)
            .AddOpenApiOperationTransformer(UploadOpenApi.DescribeBodyAsync)
            .WithSummary("Uploads files (multipart parts named 'files'); recognition starts by itself.");
        group.MapPost("/{name}/scan", Scan).RequireAuthorization(capture).WithSummary("Scans into the batch in the background; returns at once.");
        group.MapGet("/{name}/scan", ScanStatus).WithSummary("The batch's latest background scan (running, done, fault, stopped); 404 when none ran.");
        group.MapGet("/{name}/events", Events).WithSummary("Live progress as server-sent events.");
        group.MapPut("/{name}/documents/{documentId}/fields/{key}", UpdateField).RequireAuthorization(review)
            .WithSummary("Sets a field; 409 with the current value when the version is stale.");
        group.MapPost("/{name}/pages/{pageId}/approve", ApprovePage).RequireAuthorization(review);
        group.MapPost("/{name}/pages/{pageId}/reject", RejectPage).RequireAuthorization(review);
        group.MapPost("/{name}/approve", Approve).RequireAuthorization(review);
        group.MapPost("/{name}/reject", Reject).RequireAuthorization(review);
        group.MapPost("/{name}/commit", Commit).RequireAuthorization(SecuritySetup.Policy(Permission.Commit))
            .WithSummary("Commits an approved batch; returns the new archive numbers.");
        return api;
    }

    private static Ok<IReadOnlyList<BatchSummary>> List(HttpContext http, BatchService batches) =>
        TypedResults.Ok(batches.List(http.Actor()));

    private static Created<BatchStatusView> Create(CreateBatchRequest request, HttpContext http, BatchService batches)
    {
        var batch = batches.Create(http.Actor(), request.Name, request.Profile);
        return TypedResults.Created($"/api/batches/{Uri.EscapeDataString(batch.Name)}", BatchStatusView.Of(batch));
    }

    private static Ok<BatchDetails> Get(string name, HttpContext http, BatchService batches) =>
        TypedResults.Ok(batches.Get(http.Actor(), name));

    private static async Task<Results<Accepted<UploadResponse>, ProblemHttpResult>> UploadAsync(string name, HttpContext http, UploadService uploads, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return ApiProblems.Problem(http, StatusCodes.Status415UnsupportedMediaType, "unsupportedMediaType", null);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var response = UploadResponse.Of(await uploads.ReceiveAsync(http.Actor(), name, FormUploads.Of(form), cancellationToken));
        if (response.Imported.Count == 0)
        {
            // Every file refused, or already in the batch (an upload sent twice): nothing new to recognize.
            return ApiProblems.Problem(http, StatusCodes.Status422UnprocessableEntity, "nothingImported",
                string.Join(Environment.NewLine, response.Refused.Concat(response.Skipped).Select(r => r.Message)),
                new Dictionary<string, object?> { ["refused"] = response.Refused, ["skipped"] = response.Skipped });
        }

        return TypedResults.Accepted(response.Events, response);
    }

    private static Accepted<ScanStarted> Scan(string name, ScanRequest request, HttpContext http, ScanJobs scans)
    {
        var settings = new ScanSettings
        {
            Device = request.Device,
            Source = request.Source,
            Dpi = request.Dpi,
            Mode = request.Mode,
            MaxPages = request.MaxPages,
            Options = request.Options?.Select(o => new DeviceOptionSetting(o.Key, o.Value)).ToList() ?? [],
        };
        var status = scans.Start(http.Actor(), name, settings, request.Profile);
        var events = $"/api/batches/{Uri.EscapeDataString(status.Batch)}/events";
        return TypedResults.Accepted(events, new ScanStarted(status.Batch, request.Device, events));
    }

    private static Results<Ok<ScanJobStatus>, ProblemHttpResult> ScanStatus(string name, HttpContext http, ScanJobs scans) =>
        scans.Status(http.Actor(), name) is { } status
            ? TypedResults.Ok(status)
            : ApiProblems.Problem(http, StatusCodes.Status404NotFound, "noScan", null);

    private static ServerSentEventsResult<BatchEvent> Events(string name, HttpContext http, BatchService batches, BatchActivity activity, IHostApplicationLifetime lifetime, TimeProvider clock)
    {
        var batch = batches.Find(http.Actor(), name);
        return TypedResults.ServerSentEvents(Stream(batch, activity, clock, http.RequestAborted, lifetime.ApplicationStopping));
    }

    private static async IAsyncEnumerable<SseItem<BatchEvent>> Stream(Batch batch, BatchActivity activity, TimeProvider clock, CancellationToken aborted, [EnumeratorCancellation] CancellationToken stopping)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        var watch = activity.WatchAsync(batch.Name, both.Token).GetAsyncEnumerator(both.Token);
        await using (watch)
        {
            var first = activity.Latest(batch.Name) ?? new BatchEvent(batch.Name, "state", batch.State, 0, 0, 0, null, null, clock.GetUtcNow());
            yield return new SseItem<BatchEvent>(first, first.Kind);
            while (true)
            {
                bool more;
                try
                {
                    more = await watch.MoveNextAsync();
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                if (!more)
                {
                    yield break;
                }

                yield return new SseItem<BatchEvent>(watch.Current, watch.Current.Kind);
            }
        }
    }

    private static Results<Ok<FieldView>, ProblemHttpResult> UpdateField(string name, string documentId, string key, FieldUpdateRequest request, HttpContext http, BatchService batches)
    {
        var actor = http.Actor();
        try
        {
            return TypedResults.Ok(batches.UpdateField(actor, name, documentId, key, request.Value, request.Version, request.Page));
        }
        catch (ArchiveException ex) when (ex.Problem == ArchiveProblem.Conflict)
        {
            var document = batches.Document(actor, name, documentId);
            var current = document.Fields.FirstOrDefault(f => f.Key == key);
            return ApiProblems.Problem(http, StatusCodes.Status409Conflict, "conflict", ex.Message, new Dictionary<string, object?>
            {
                ["currentVersion"] = document.Version,
                ["currentValue"] = current?.Value,
                ["current"] = current,
            });
        }
    }

    private static Ok<BatchStatusView> ApprovePage(string name, string pageId, PageApproveRequest? request, HttpContext http, BatchService batches) =>
        TypedResults.Ok(BatchStatusView.Of(batches.ReviewPages(http.Actor(), name, [pageId], ReviewStatus.Approved, null, request?.Version)));

    private static Ok<BatchStatusView> RejectPage(string name, string pageId, PageRejectRequest request, HttpContext http, BatchService batches) =>
        TypedResults.Ok(BatchStatusView.Of(batches.ReviewPages(http.Actor(), name, [pageId], ReviewStatus.Rejected, request.Reason, request.Version)));

    private static Results<Ok<BatchStatusView>, ProblemHttpResult> Approve(string name, BatchApproveRequest? request, HttpContext http, BatchService batches)
    {
        try
        {
            return TypedResults.Ok(BatchStatusView.Of(batches.Approve(http.Actor(), name, request?.OverrideReason, request?.Version)));
        }
        catch (ArchiveException ex) when (ex.Problem == ArchiveProblem.ReviewOpen)
        {
            // The list of what is open, so the screen can lead the reviewer there (or ask for an override reason).
            return ApiProblems.Problem(http, StatusCodes.Status409Conflict, "reviewOpen", ex.Message, new Dictionary<string, object?> { ["open"] = batches.OpenItems(http.Actor(), name) });
        }
    }

    private static Ok<BatchStatusView> Reject(string name, BatchRejectRequest request, HttpContext http, BatchService batches) =>
        TypedResults.Ok(BatchStatusView.Of(batches.Reject(http.Actor(), name, request.Reason)));

    private static Ok<CommitResponse> Commit(string name, CommitRequest? request, HttpContext http, BatchService batches)
    {
        var entries = batches.Commit(http.Actor(), name, new CommitOptions(request?.SplitAtBlank ?? false));
        return TypedResults.Ok(new CommitResponse(name, entries.Select(e => e.Number).ToList(), entries.Select(EntryView.Of).ToList()));
    }
}
