namespace ScanArchive.Application.Review;

/// <summary>One doubtful character of a batch, to be seen beside its image crop.</summary>
/// <param name="Id">Its address, <c>pageId:line:word:symbol</c> (indices into the page's stored recognition).</param>
/// <param name="PageId">The page it is on.</param>
/// <param name="PageNumber">1-based position of that page in the batch.</param>
/// <param name="Text">The character as recognized.</param>
/// <param name="Confidence">Recognition confidence, 0–100.</param>
/// <param name="Box"><c>[x, y, w, h]</c> in the page image's pixels.</param>
/// <param name="Word">The word it belongs to (context).</param>
public sealed record CharacterItem(string Id, string PageId, int PageNumber, string Text, double Confidence, int[] Box, string Word);

/// <summary>The doubtful characters recognized as one and the same character.</summary>
public sealed record CharacterGroup(string Text, IReadOnlyList<CharacterItem> Items);

/// <summary>The character check of a batch: doubtful characters grouped by character, most frequent first.</summary>
/// <param name="Batch">The batch's name.</param>
/// <param name="Version">The batch's version (send it back with the fixes).</param>
/// <param name="Below">The confidence (0–1) under which a character is listed.</param>
/// <param name="Total">Characters listed.</param>
/// <param name="Truncated">True when more characters were doubtful than a screen lists (<see cref="CharacterCheckService.MaxCharacters"/>).</param>
/// <param name="Groups">The groups.</param>
public sealed record CharacterCheck(string Batch, int Version, double Below, int Total, bool Truncated, IReadOnlyList<CharacterGroup> Groups);

/// <summary>A reviewer's verdict on one character: the same text confirms it, another text replaces it.</summary>
public sealed record CharacterFix(string Id, string Text);

/// <summary>What applying verdicts did.</summary>
/// <param name="Version">The batch's new version.</param>
/// <param name="Confirmed">Characters confirmed as read.</param>
/// <param name="Fixed">Characters replaced.</param>
public sealed record CharacterCheckResult(int Version, int Confirmed, int Fixed);
