namespace ScanArchive.Web;

/// <summary>Marker for the UI texts in <c>Resources/Strings.resx</c> (English) and <c>Resources/Strings.zh-CN.resx</c>.</summary>
public sealed class Strings;
