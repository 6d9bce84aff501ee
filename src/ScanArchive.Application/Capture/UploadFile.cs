namespace ScanArchive.Application.Capture;

/// <summary>A file a person sent (a browser form, an API call): the name it came with, and how to read it.</summary>
/// <param name="FileName">The name as sent (browsers may send a path; only the last part is kept).</param>
/// <param name="Open">Opens the content for reading; the stream is disposed by the reader.</param>
public sealed record UploadFile(string FileName, Func<Stream> Open);
