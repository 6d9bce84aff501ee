using ScanArchive.Application.Review;

namespace ScanArchive.Web.Components.Review;

/// <summary>Learning from the reviewer: the current document's field boxes saved as a zone template.</summary>
public sealed partial class ReviewWorkspace
{
    [Microsoft.AspNetCore.Components.Inject]
    private TemplateLearningService Templates { get; set; } = default!;

    /// <summary>Fields being typed over, with the value typing began from (see <see cref="ReviewFieldsPanel.Pinned"/>).</summary>
    private Dictionary<string, string> PinnedValues => _draftBase.ToDictionary(d => d.Key, d => d.Value.Value, StringComparer.Ordinal);

    private Task SaveTemplateAsync()
    {
        var document = CurrentDocument;
        if (document is null)
        {
            return Task.CompletedTask;
        }

        SavedTemplate? saved = null;
        if (Try(() => saved = Templates.SaveAsTemplate(_actor!, Batch, document.Id, null)) && saved is not null)
        {
            Say(T["ReviewUi.TemplateSaved", saved.Name, saved.Zones.Count, saved.Anchors]);
        }

        _focus = _fieldKey is null ? Focus.Screen : Focus.Field;
        return Task.CompletedTask;
    }
}
