namespace ScanArchive.Core.Documents;

/// <summary>
/// Bounded reading of a document's pages: a slot is taken before the next page is decoded, so at most as many
/// decoded pages exist as the semaphore allows, however long the document. The caller releases the slot when the
/// page is finished (or skipped).
/// </summary>
internal static class PageSlots
{
    /// <summary>Takes a slot and moves to the next page; gives the slot back when there is none or reading fails.</summary>
    /// <returns>True with a slot held and <paramref name="pages"/> on the next page; false at the end.</returns>
    public static async Task<bool> NextAsync(IEnumerator<DocumentPage> pages, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        bool more;
        try
        {
            more = pages.MoveNext();
        }
        catch
        {
            inFlight.Release();
            throw;
        }

        if (!more)
        {
            inFlight.Release();
        }

        return more;
    }
}
