namespace ScanArchive.Capture.Sane;

/// <summary>Snaps a requested resolution to one the device accepts.</summary>
internal static class ResolutionSnapper
{
    /// <summary>
    /// The allowed value nearest to <paramref name="requested"/>. On a tie the higher one wins: for archiving, a little
    /// more resolution is harmless and a little less may lose small print.
    /// </summary>
    public static double Snap(double requested, SaneConstraint? constraint)
    {
        switch (constraint)
        {
            case SaneWordList { Values.Count: > 0 } list:
                return list.Values
                    .Where(v => v > 0)
                    .DefaultIfEmpty(requested)
                    .OrderBy(v => Math.Abs(v - requested))
                    .ThenByDescending(v => v)
                    .First();
            case SaneRange range:
                var clamped = Math.Clamp(requested, range.Min, range.Max);
                if (range.Quant > 0)
                {
                    var steps = Math.Round((clamped - range.Min) / range.Quant, MidpointRounding.AwayFromZero);
                    clamped = range.Min + (steps * range.Quant);
                    if (clamped > range.Max)
                    {
                        clamped -= range.Quant;
                    }
                }

                return clamped;
            default:
                return requested;
        }
    }
}
