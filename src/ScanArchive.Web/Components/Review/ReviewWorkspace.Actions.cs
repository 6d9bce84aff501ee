using Microsoft.JSInterop;
using ScanArchive.Application.Review;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Imaging;

namespace ScanArchive.Web.Components.Review;

/// <summary>The review screen's actions: field corrections, page verdicts and operations, approval and commit.</summary>
public sealed partial class ReviewWorkspace
{
    /// <summary>Opens the batch: an audited view, marked as in review by this reviewer while it waits for review.</summary>
    private void Load()
    {
        try
        {
            var batch = Batches.Get(_actor!, Batch);
            if (batch.State == BatchState.ReadyForReview)
            {
                ReviewDocuments.Open(_actor!, Batch);
            }

            Refresh();
            _error = null;
        }
        catch (Exception ex) when (Api.ApiProblems.Classify(ex) is not null)
        {
            _model = null;
            _error = ex.Message;
        }
    }

    /// <summary>Reads the batch again (no new audited view: the screen is already open).</summary>
    private void Refresh()
    {
        _model = new ReviewModel(Batches.Find(_actor!, Batch), ReviewDocuments.Documents(_actor!, Batch));

        // Where each document would be filed, as its fields stand now (reviewers; others see the fields only).
        _customerMatches = _actor!.Can(Core.Accounts.Permission.Review)
            ? ReviewDocuments.CustomerMatches(_actor!, Batch).ToDictionary(m => m.DocumentId, StringComparer.Ordinal)
            : [];
    }

    /// <summary>Other reviewers' changes and background work (a page turned and read again) refresh the screen.</summary>
    private async Task WatchAsync()
    {
        try
        {
            await foreach (var _ in Activity.WatchAsync(Batch, _stop.Token))
            {
                await InvokeAsync(() =>
                {
                    if (Try(Refresh))
                    {
                        _shownPageId = CurrentPage is { } page && page.Revisions != _shownRevisions ? null : _shownPageId;
                        StateHasChanged();
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The screen was closed.
        }
    }

    private Task FocusFieldAsync(string key)
    {
        _fieldKey = key;
        _done = false;
        var document = CurrentDocument;
        var field = document?.Fields.FirstOrDefault(f => f.Key == key);
        if (document is not null && field?.PageId is { } pageId && pageId != _pageId)
        {
            _pageId = pageId;
        }

        return Task.CompletedTask;
    }

    /// <summary>Typing: the value is checked as it is typed (check digit, phone plan, dates, 大写 amounts).</summary>
    private Task InputAsync((string Key, string Value) input)
    {
        _fieldMessages.Remove(input.Key);

        // The value being corrected, as it was when typing began: saved against that, never against a newer one.
        if (!_draftBase.ContainsKey(input.Key) && CurrentDocument?.Fields.FirstOrDefault(f => f.Key == input.Key) is { } typedOver)
        {
            _draftBase[input.Key] = typedOver;
        }
        if (input.Value.Length > 0)
        {
            try
            {
                var check = Review.Validate(_actor!, input.Key, input.Value);
                if (check.Message is not null && check.Validation is not FieldReviewState.Valid)
                {
                    _fieldMessages[input.Key] = new(check.Message, check.Validation == FieldReviewState.Invalid);
                }
            }
            catch (Exception ex) when (Api.ApiProblems.Classify(ex) is not null)
            {
                _fieldMessages[input.Key] = new(ex.Message, true);
            }
        }

        return Task.CompletedTask;
    }

    private Task ChangeAsync((string Key, string Value) change) => SaveFieldAsync(change.Key, change.Value, advance: false);

    /// <summary>Enter in a field: save (confirm) it, then go to the next thing that needs attention.</summary>
    [JSInvokable]
    public Task OnConfirm(string key, string value) => SaveFieldAsync(key, value ?? "", advance: true);

    /// <summary>Words clicked on the image become the active field's value (saved at once).</summary>
    [JSInvokable]
    public Task WordsPicked(string text) => FillActiveFieldAsync(text);

    /// <summary>A box drawn on the image is read as one line, and the text goes into the active field.</summary>
    [JSInvokable]
    public async Task BoxDrawn(int[] box)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (_pageId is null || box.Length != 4)
        {
            return;
        }

        try
        {
            var reading = await Review.RecognizeAsync(_actor!, Batch, _pageId, new PixelBox(box[0], box[1], box[2], box[3]), _stop.Token);
            Say(T["ReviewUi.Recognized", reading.Text, reading.Confidence.ToString("0")]);
            await FillActiveFieldAsync(reading.Text);
        }
        catch (Exception ex) when (Api.ApiProblems.Classify(ex) is not null)
        {
            Say(ex.Message, error: true);
            StateHasChanged();
        }
    }

    private async Task FillActiveFieldAsync(string text)
    {
        if (_fieldKey is null || _model?.InReview != true || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        _focus = Focus.Field;
        await SaveFieldAsync(_fieldKey, text, advance: false);
    }

    private Task SaveFieldAsync(string key, string value, bool advance)
    {
        var document = CurrentDocument;
        var field = document?.Fields.FirstOrDefault(f => f.Key == key);
        if (_model is null || document is null || field is null || !_model.InReview)
        {
            return Task.CompletedTask;
        }

        value = value.Trim();
        var seen = _draftBase.GetValueOrDefault(key) ?? field;
        var unchanged = field.Value == value && field.State == FieldReviewState.Confirmed;
        if (!unchanged && !TrySaveField(seen, value))
        {
            _focus = Focus.Field;
            StateHasChanged();
            return Task.CompletedTask;
        }

        if (advance)
        {
            Go(ReviewNavigator.Next(_model, _pageId, key));
        }

        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <summary>
    /// One field write against the source document's version on screen. A stale version because someone changed
    /// another field of that document is retried once with the new version; a change to this very field is never
    /// overwritten: the other reviewer's value is shown with a message instead.
    /// </summary>
    private bool TrySaveField(ReviewFieldView seen, string value)
    {
        var key = seen.Key;
        var version = seen.Version;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                Batches.UpdateField(_actor!, Batch, seen.DocumentId, key, value, version, seen.Page);
                _draftBase.Remove(key);
                _fieldMessages[key] = new(T["ReviewUi.Saved"], false);
                Refresh();
                return true;
            }
            catch (ArchiveException ex) when (ex.Problem == ArchiveProblem.Conflict)
            {
                Refresh();
                var now = _model!.Documents.SelectMany(d => d.Fields).FirstOrDefault(f => f.Key == key && f.DocumentId == seen.DocumentId);
                if (attempt == 0 && now is not null && now.Value == seen.Value && now.ConfirmedBy == seen.ConfirmedBy)
                {
                    version = now.Version;
                    continue;
                }

                _draftBase.Remove(key);
                _fieldMessages[key] = new(T["ReviewUi.Conflict", now?.ConfirmedBy ?? "?", now?.Value ?? "", value], true);
                return false;
            }
            catch (Exception ex) when (Api.ApiProblems.Classify(ex) is not null)
            {
                _fieldMessages[key] = new(ex.Message, true);
                return false;
            }
        }

        return false;
    }

    private Task SelectPageAsync(string pageId)
    {
        var before = CurrentDocument?.Id;
        _pageId = pageId;
        if (CurrentDocument?.Id != before)
        {
            _fieldKey = null;
            ForgetDraftsUnlessIn(before);
        }

        _done = false;
        _focus = Focus.Screen;
        return Task.CompletedTask;
    }

    private Task StepPageAsync(int step) => _model is null ? Task.CompletedTask : SelectPageAsync(ReviewNavigator.Step(_model, _pageId, step) ?? _pageId ?? "");

    private Task NextAsync()
    {
        if (_model is not null)
        {
            Go(ReviewNavigator.Next(_model, _pageId, _fieldKey));
        }

        return Task.CompletedTask;
    }

    private Task ApprovePageAsync() => VerdictAsync(ReviewStatus.Approved, null);

    private Task RejectPageAsync(string reason) => VerdictAsync(ReviewStatus.Rejected, reason);

    private Task VerdictAsync(ReviewStatus verdict, string? reason)
    {
        var page = CurrentPage;
        if (page is null || _model is null)
        {
            return Task.CompletedTask;
        }

        _dialog = Dialog.None;
        if (Try(() => Batches.ReviewPages(_actor!, Batch, [page.Id], verdict, reason)))
        {
            Refresh();
            Go(ReviewNavigator.Next(_model, page.Id, null));
            if (!_done)
            {
                Say(T[verdict == ReviewStatus.Approved ? "ReviewUi.PageApproved" : "ReviewUi.PageRejected", page.Number]);
            }
        }
        else
        {
            _focus = Focus.Screen;
        }

        return Task.CompletedTask;
    }

    private bool Supports(PageOperation operation) => _model?.InReview == true && CurrentPage is not null && operation switch
    {
        PageOperation.Split => CurrentDocument?.Pages.Count > 1 && CurrentDocument.Pages[0].Id != _pageId,
        PageOperation.Merge => CurrentDocument is { } d && _model.Documents.Count > 0 && _model.Documents[0].Id != d.Id,
        PageOperation.Move => _model.Documents.Count > 1,
        _ => true,
    };

    /// <summary>Blank, turn, rescan, split, merge: one use case each; the screen then shows the batch as it is now.</summary>
    private Task PageOperationAsync(PageOperation operation)
    {
        var page = CurrentPage;
        var document = CurrentDocument;
        if (page is null || document is null || !Supports(operation))
        {
            return Task.CompletedTask;
        }

        var done = Try(() =>
        {
            _ = operation switch
            {
                PageOperation.Blank => Review.SetBlank(_actor!, Batch, page.Id, !page.Page.Blank, null),
                PageOperation.RotateLeft => Review.Rotate(_actor!, Batch, page.Id, -90, null),
                PageOperation.RotateRight => Review.Rotate(_actor!, Batch, page.Id, 90, null),
                PageOperation.RotateHalf => Review.Rotate(_actor!, Batch, page.Id, 180, null),
                PageOperation.Rescan => (object)Review.RequestRescan(_actor!, Batch, page.Id, null, null),
                PageOperation.Split => ReviewDocuments.Split(_actor!, Batch, document.Id, page.Id, null),
                PageOperation.Merge => ReviewDocuments.Merge(_actor!, Batch, document.Id, null),
                _ => throw new ArgumentOutOfRangeException(nameof(operation)),
            };
        });
        if (done)
        {
            Refresh();
            Say(T[$"ReviewUi.Done.{operation}", page.Number]);
        }

        _focus = Focus.Screen;
        return Task.CompletedTask;
    }

    private Task MovePageAsync(string toDocumentId)
    {
        var page = CurrentPage;
        var target = _model?.Documents.FirstOrDefault(d => d.Id == toDocumentId);
        _dialog = Dialog.None;
        if (page is not null && target is not null && Try(() => ReviewDocuments.MovePage(_actor!, Batch, page.Id, toDocumentId, target.Pages.Count, null)))
        {
            Refresh();
            Say(T["ReviewUi.Done.Move", page.Number]);
        }

        _focus = Focus.Screen;
        return Task.CompletedTask;
    }

    private Task ApproveBatchAsync()
    {
        if (_model is null)
        {
            return Task.CompletedTask;
        }

        if (_model.OpenPages > 0 || _model.OpenFields > 0)
        {
            OpenDialog(Dialog.Approve);
        }
        else
        {
            ApproveBatch(null);
        }

        return Task.CompletedTask;
    }

    private Task ApproveWithOverrideAsync(string reason)
    {
        ApproveBatch(reason);
        return Task.CompletedTask;
    }

    private void ApproveBatch(string? overrideReason)
    {
        try
        {
            Batches.Approve(_actor!, Batch, overrideReason);
            _dialog = Dialog.None;
            _dialogError = null;
            Refresh();
            _fieldKey = null;
            Say(T["ReviewUi.Approved"]);
            _focus = Focus.Screen;
        }
        catch (Exception ex) when (Api.ApiProblems.Classify(ex) is not null)
        {
            if (_dialog == Dialog.Approve)
            {
                _dialogError = ex.Message;
                _focus = Focus.Dialog;
            }
            else
            {
                // Refused for open items the screen did not count (a field problem): ask for the override reason.
                _dialogError = ex.Message;
                _dialog = Dialog.Approve;
                _focus = Focus.Dialog;
            }
        }
    }

    private Task CommitAsync()
    {
        if (Try(() => Batches.Commit(_actor!, Batch)))
        {
            Refresh();
            Say(T["ReviewUi.CommitDone"]);
            _focus = Focus.Labels;
        }

        return Task.CompletedTask;
    }

    private void OpenDialog(Dialog dialog)
    {
        _dialog = dialog;
        _dialogError = null;
        _focus = Focus.Dialog;
    }

    private Task CloseDialog()
    {
        _dialog = Dialog.None;
        _focus = _fieldKey is null ? Focus.Screen : Focus.Field;
        return Task.CompletedTask;
    }
}
