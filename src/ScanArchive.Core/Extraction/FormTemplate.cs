using ScanArchive.Core.Imaging;

namespace ScanArchive.Core.Extraction;

/// <summary>
/// A zone template for a known form: where each field's value sits relative to printed anchor texts.
/// Coordinates are in the pixels of the page the template was made from; a page being extracted is mapped
/// onto it by the scale and shift that best align the anchors found on both, so a rescanned, shifted or
/// differently sized copy of the form still matches.
/// </summary>
/// <param name="Name">Unique template name (also its file name).</param>
/// <param name="DocType">The document type of the form (<see cref="DocumentTypes"/>).</param>
/// <param name="PageWidth">Width of the page the template was made from, in pixels.</param>
/// <param name="PageHeight">Height of that page, in pixels.</param>
/// <param name="Anchors">Printed texts that identify the form and fix its position (labels, titles).</param>
/// <param name="Zones">Field regions.</param>
public sealed record FormTemplate(
    string Name,
    string DocType,
    int PageWidth,
    int PageHeight,
    IReadOnlyList<TemplateAnchor> Anchors,
    IReadOnlyList<TemplateZone> Zones);

/// <summary>A printed text that locates the form.</summary>
/// <param name="Text">The text as printed (matched after normalization: half-width, no spaces or punctuation, case-folded).</param>
/// <param name="Box">Where it was on the template's page.</param>
public sealed record TemplateAnchor(string Text, PixelBox Box);

/// <summary>Where a field's value is on the template's page.</summary>
/// <param name="Key">Canonical field key (<see cref="FieldKeys"/>).</param>
/// <param name="Region">The region; words whose centres fall inside it form the value.</param>
/// <param name="Label">The printed label of the field, if it has one (reported as the field's label).</param>
public sealed record TemplateZone(string Key, PixelBox Region, string? Label = null);
