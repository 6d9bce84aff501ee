using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using ScanArchive.Application;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Processing;
using ScanArchive.Application.Review;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Web.Api;
using ScanArchive.Web.Security;

namespace ScanArchive.Web.Components.Review;

/// <summary>
/// The review screen's state and flow. The store is the truth: every change is one use-case call, after which the
/// affected document (or the batch) is read again; the screen keeps only the place (page, field), typed drafts and
/// messages. The place is mirrored in the address bar (<c>?page=&amp;field=</c>) so that a reload returns to it.
/// </summary>
public sealed partial class ReviewWorkspace
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, ReviewFieldView> _draftBase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReviewFieldsPanel.FieldMessage> _fieldMessages = new(StringComparer.Ordinal);
    private ElementReference _root;
    private ElementReference _viewerHost;
    private ElementReference _labelsLink;
    private ReviewModel? _model;
    private Dictionary<string, ReviewCustomerMatch> _customerMatches = new(StringComparer.Ordinal);
    private Actor? _actor;
    private string? _error;
    private string? _message;
    private bool _messageIsError;
    private string? _pageId;
    private string? _fieldKey;
    private bool _done;
    private Dialog _dialog;
    private string? _dialogError;
    private Focus _focus;
    private bool _ready;
    private IJSObjectReference? _viewerModule;
    private IJSObjectReference? _shortcutsModule;
    private IJSObjectReference? _viewer;
    private IJSObjectReference? _keys;
    private DotNetObjectReference<ReviewWorkspace>? _self;
    private string? _shownPageId;
    private int _shownRevisions;
    private string? _shownEvidence;
    private bool _syncing;
    private bool _syncAgain;

    private enum Dialog
    {
        None,
        Help,
        Reject,
        Move,
        Approve,
        Rescan,
    }

    private enum Focus
    {
        None,
        Field,
        Screen,
        Dialog,
        Labels,
    }

    /// <summary>The batch's name.</summary>
    [Parameter, EditorRequired]
    public string Batch { get; set; } = "";

    /// <summary>The reviewer's network address (for the audit; interactive components have no request of their own).</summary>
    [Parameter]
    public string? Address { get; set; }

    /// <summary>The page to start at (from the address bar).</summary>
    [Parameter]
    public string? InitialPage { get; set; }

    /// <summary>The field to start at (from the address bar).</summary>
    [Parameter]
    public string? InitialField { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IStringLocalizer<Strings> T { get; set; } = default!;

    [Inject]
    private BatchService Batches { get; set; } = default!;

    [Inject]
    private ReviewService Review { get; set; } = default!;

    [Inject]
    private ReviewDocumentsService ReviewDocuments { get; set; } = default!;

    [Inject]
    private BatchActivity Activity { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private string StateCode => _model is null ? "" : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(_model.Batch.State.ToString());

    private string TargetCode => _done ? "done" : _fieldKey is not null ? "field" : "page";

    private ReviewPageView? CurrentPage => _model?.Page(_pageId);

    private ReviewDocumentView? CurrentDocument => _model?.DocumentOf(_pageId);

    private bool CanCommit => _actor?.Can(Permission.Commit) == true;

    private bool CanActOnPage => _model?.InReview == true && CurrentPage is not null;

    private string PageLabel => CurrentDocument is { } d && CurrentPage is { } p
        ? $"{T["ReviewUi.DocumentNumber", d.Number]} · {T["ReviewUi.PageNumber", p.Number]} ({_model!.Pages.ToList().IndexOf(p) + 1}/{_model.Pages.Count})"
        : "";

    private ReviewCustomerMatch? CustomerMatch => CurrentDocument is { } d ? _customerMatches.GetValueOrDefault(d.Id) : null;

    protected override async Task OnInitializedAsync()
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        _actor = WorkstationClaims.ActorOf(user, Address);
        Load();
        if (_model is null)
        {
            return;
        }

        _ = WatchAsync();

        var page = _model.Page(InitialPage);
        if (page is not null)
        {
            _pageId = page.Id;
            _fieldKey = _model.DocumentOf(page.Id)?.Fields.Any(f => f.Key == InitialField) == true ? InitialField : null;
            _focus = _fieldKey is null ? Focus.Screen : Focus.Field;
        }
        else
        {
            Go(ReviewNavigator.Next(_model, null, null));
            _pageId ??= _model.Pages.Count > 0 ? _model.Pages[0].Id : null;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _model is not null)
        {
            _self = DotNetObjectReference.Create(this);
            _viewerModule = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["js/viewer.js"]);
            _shortcutsModule = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["js/shortcuts.js"]);
            _viewer = await _viewerModule.InvokeAsync<IJSObjectReference>("create", _viewerHost, _self);
            _keys = await _shortcutsModule.InvokeAsync<IJSObjectReference>("attach", _root, _self, _viewer);
        }

        await SyncAsync();
        if (firstRender)
        {
            _ready = true;
            StateHasChanged();
        }
    }

    /// <summary>Brings the browser in line with the place: the viewer's page and evidence box, the address bar, the focus.</summary>
    private async Task SyncAsync()
    {
        if (_viewer is null || _keys is null || _model is null)
        {
            return;
        }

        if (_syncing)
        {
            _syncAgain = true;
            return;
        }

        _syncing = true;
        try
        {
            do
            {
                _syncAgain = false;
                var evidence = EvidenceBox();
                var evidenceKey = evidence is null ? null : string.Join(',', evidence);
                if (_pageId != _shownPageId && CurrentPage is { } page)
                {
                    _shownPageId = page.Id;
                    _shownRevisions = page.Revisions;
                    _shownEvidence = evidenceKey;
                    await _viewer.InvokeVoidAsync("show", PageSpec(page, evidence));
                }
                else if (evidenceKey != _shownEvidence)
                {
                    _shownEvidence = evidenceKey;
                    await _viewer.InvokeVoidAsync("setEvidence", evidence);
                }

                await _keys.InvokeVoidAsync("replaceUrl", PlaceUrl());
                var focus = _focus;
                _focus = Focus.None;
                switch (focus)
                {
                    case Focus.Field when _fieldKey is not null:
                        await _keys.InvokeAsync<bool>("focusField", _fieldKey);
                        break;
                    case Focus.Screen:
                        await _keys.InvokeVoidAsync("focusScreen");
                        break;
                    case Focus.Dialog:
                        await _keys.InvokeVoidAsync("focusDialog");
                        break;
                    case Focus.Labels:
                        await _labelsLink.FocusAsync();
                        break;
                }
            }
            while (_syncAgain);
        }
        catch (JSDisconnectedException)
        {
            // The reviewer closed the tab.
        }
        finally
        {
            _syncing = false;
        }
    }

    private object PageSpec(ReviewPageView page, int[]? evidence) => ViewSpec(page, evidence, withNeighbours: true);

    /// <summary>
    /// What the viewer needs to show a page. The pages PageDown and PageUp go to come with it, so that the viewer
    /// fetches them ahead and switches to them the moment the key is pressed, before the server has answered.
    /// </summary>
    private object ViewSpec(ReviewPageView page, int[]? evidence, bool withNeighbours)
    {
        var qc = page.Page.Qc;
        var sides = qc is null
            ? []
            : Enum.GetValues<Core.Quality.PageSides>().Where(s => s != Core.Quality.PageSides.None && qc.Metrics.CutOffSides.HasFlag(s)).Select(s => s.ToString().ToLowerInvariant()).ToArray();
        return new
        {
            pageId = page.Id,
            // The revision count changes the address when a turned or rescanned image replaces the page's.
            imageUrl = ImageUrl(page),
            wordsUrl = PageUrl(page.Id, "words"),
            width = page.Page.Width ?? 0,
            height = page.Page.Height ?? 0,
            qc = qc is null ? null : new { verdict = qc.Verdict.ToString().ToLowerInvariant(), message = qc.Message, cutOffSides = sides },
            evidence,
            next = withNeighbours ? Neighbour(page, 1) is { } after ? ViewSpec(after, NeighbourEvidence(after), withNeighbours: false) : null : null,
            previous = withNeighbours ? Neighbour(page, -1) is { } before ? ViewSpec(before, NeighbourEvidence(before), withNeighbours: false) : null : null,
        };
    }

    private ReviewPageView? Neighbour(ReviewPageView page, int step)
    {
        var next = _model is null ? null : ReviewNavigator.Step(_model, page.Id, step);
        return next is null || next == page.Id ? null : _model!.Page(next);
    }

    /// <summary>The active field's evidence on a neighbouring page of the same document (as the server would show it after the switch).</summary>
    private int[]? NeighbourEvidence(ReviewPageView page)
    {
        if (_model?.DocumentOf(page.Id)?.Id != CurrentDocument?.Id)
        {
            return null;
        }

        var field = CurrentDocument?.Fields.FirstOrDefault(f => f.Key == _fieldKey);
        return field is not null && ReviewModel.HasBox(field) && field.PageId == page.Id ? field.Box : null;
    }

    private string ImageUrl(ReviewPageView page) => PageUrl(page.Id, "image") + $"?r={page.Revisions}";

    /// <summary>The active field's evidence box when it lies on the page shown.</summary>
    private int[]? EvidenceBox()
    {
        var field = CurrentDocument?.Fields.FirstOrDefault(f => f.Key == _fieldKey);
        return field is not null && ReviewModel.HasBox(field) && field.PageId == _pageId ? field.Box : null;
    }

    private string PlaceUrl()
    {
        var url = $"/review/{Uri.EscapeDataString(Batch)}";
        if (_pageId is not null)
        {
            url += $"?page={Uri.EscapeDataString(_pageId)}";
            if (_fieldKey is not null)
            {
                url += $"&field={Uri.EscapeDataString(_fieldKey)}";
            }
        }

        return url;
    }

    private string PageUrl(string pageId, string what) => $"/api/batches/{Uri.EscapeDataString(Batch)}/pages/{Uri.EscapeDataString(pageId)}/{what}";

    private string ThumbUrl(ReviewPageView page) => PageUrl(page.Id, "image") + $"?w={ReviewPageStrip.ThumbWidth * 2}&r={page.Revisions}";

    private string? CropUrl(ReviewFieldView field) =>
        field.PageId is null || field.Box is not { Length: 4 } b ? null : PageUrl(field.PageId, "image") + $"?crop={b[0]},{b[1]},{b[2]},{b[3]}";

    /// <summary>Moves to a target of the keyboard flow.</summary>
    private void Go(ReviewTarget target)
    {
        _done = target.Done;
        if (target.Done)
        {
            _fieldKey = null;
            _focus = Focus.Screen;
            Say(T["ReviewUi.AllDone"]);
            return;
        }

        var before = CurrentDocument?.Id;
        _pageId = target.PageId;
        _fieldKey = target.FieldKey;
        ForgetDraftsUnlessIn(before);
        _focus = target.FieldKey is null ? Focus.Screen : Focus.Field;
    }

    /// <summary>Drafts and messages belong to the fields of one document: moving to another one drops them.</summary>
    private void ForgetDraftsUnlessIn(string? documentId)
    {
        if (CurrentDocument?.Id != documentId)
        {
            _draftBase.Clear();
            _fieldMessages.Clear();
        }
    }

    private void Say(string message, bool error = false)
    {
        _message = message;
        _messageIsError = error;
    }

    /// <summary>Runs a use case; a refusal (state, conflict, permission, bad input) becomes the screen's message.</summary>
    private bool Try(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception ex) when (ApiProblems.Classify(ex) is not null)
        {
            Say(ex.Message, error: true);
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var js in new[] { _keys, _viewer, _shortcutsModule, _viewerModule })
        {
            if (js is null)
            {
                continue;
            }

            try
            {
                if (js == _keys || js == _viewer)
                {
                    await js.InvokeVoidAsync("dispose");
                }

                await js.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the tab: nothing to clean up in the browser.
            }
        }

        await _stop.CancelAsync();
        _stop.Dispose();
        _self?.Dispose();
    }
}
