namespace ScanArchive.Application.Review;

/// <summary>One disagreement between a review document and a customer file on record.</summary>
/// <param name="CustomerId">The customer file.</param>
/// <param name="Key">What disagrees (e.g. <c>name</c>).</param>
/// <param name="OnRecord">The file's value.</param>
/// <param name="OnDocument">The document's value.</param>
public sealed record ReviewCustomerConflict(string CustomerId, string Key, string? OnRecord, string? OnDocument);
