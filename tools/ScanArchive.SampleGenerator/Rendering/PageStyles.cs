namespace ScanArchive.SampleGenerator.Rendering;

/// <summary>
/// The type styles shared by the document templates. Handwritten values are 13–14 pt so that they
/// stay legible after scanning, as pen entries on real forms usually are.
/// </summary>
internal sealed class PageStyles(FontLibrary fonts)
{
    public TextStyle ZhCompany { get; } = new(fonts.SerifScBold, 20, TextStyle.Ink);

    public TextStyle ZhTitle { get; } = new(fonts.SansScBold, 18, TextStyle.Ink);

    public TextStyle ZhLabel { get; } = new(fonts.SansSc, 11, TextStyle.Ink);

    public TextStyle ZhSmall { get; } = new(fonts.SansSc, 9.5f, TextStyle.Ink);

    public TextStyle ZhBody { get; } = new(fonts.SerifSc, 11.5f, TextStyle.Ink);

    public TextStyle ZhBodyBold { get; } = new(fonts.SerifScBold, 11.5f, TextStyle.Ink);

    public TextStyle ZhHand { get; } = new(fonts.Kai, 14, TextStyle.BluePen, Handwritten: true);

    public TextStyle ZhPrintedValue { get; } = new(fonts.SansSc, 11, TextStyle.Ink);

    public TextStyle EnCompany { get; } = new(fonts.SerifBold, 18, TextStyle.Ink);

    public TextStyle EnTitle { get; } = new(fonts.SansBold, 16, TextStyle.Ink);

    public TextStyle EnLabel { get; } = new(fonts.Sans, 10.5f, TextStyle.Ink);

    public TextStyle EnLabelBold { get; } = new(fonts.SansBold, 10.5f, TextStyle.Ink);

    public TextStyle EnSmall { get; } = new(fonts.Sans, 9, TextStyle.Ink);

    public TextStyle EnBody { get; } = new(fonts.Serif, 11, TextStyle.Ink);

    public TextStyle EnBodyBold { get; } = new(fonts.SerifBold, 11, TextStyle.Ink);

    public TextStyle EnHand { get; } = new(fonts.Comic, 14, TextStyle.BluePen, Handwritten: true);

    public FontLibrary Fonts { get; } = fonts;
}
