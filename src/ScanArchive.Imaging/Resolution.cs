namespace ScanArchive.Imaging;

/// <summary>Turns what a file says about its resolution into dots per inch, or null when it says nothing usable.</summary>
internal static class Resolution
{
    /// <summary>Below this a "resolution" is a placeholder, e.g. a JFIF 1×1 pixel aspect ratio.</summary>
    public const int MinPlausibleDpi = 50;

    /// <summary>Above this no document scanner goes; larger values are garbage in the header.</summary>
    public const int MaxPlausibleDpi = 4800;

    /// <summary>Centimetres per inch.</summary>
    private const double CmPerInch = 2.54;

    /// <summary>PDF user-space units (points) per inch.</summary>
    private const double PointsPerInch = 72;

    /// <summary>Converts a density in pixels per inch, or per centimetre when <paramref name="perCentimetre"/>.</summary>
    public static int? FromDensity(double density, bool perCentimetre) =>
        Plausible(perCentimetre ? density * CmPerInch : density);

    /// <summary>
    /// The resolution of an image drawn on a PDF page: pixels across divided by the inches it covers. The
    /// placement may be turned a quarter (a landscape scan on a portrait page); the axis is chosen by aspect ratio.
    /// </summary>
    public static int? FromPlacement(int pixelWidth, int pixelHeight, double placedWidthPoints, double placedHeightPoints)
    {
        if (pixelWidth <= 0 || pixelHeight <= 0 || placedWidthPoints <= 0 || placedHeightPoints <= 0)
        {
            return null;
        }

        var imageAspect = pixelWidth / (double)pixelHeight;
        var sameWay = Math.Abs(Math.Log(imageAspect / (placedWidthPoints / placedHeightPoints)));
        var turned = Math.Abs(Math.Log(imageAspect / (placedHeightPoints / placedWidthPoints)));
        var inches = (turned < sameWay ? placedHeightPoints : placedWidthPoints) / PointsPerInch;
        return Plausible(pixelWidth / inches);
    }

    private static int? Plausible(double dpi)
    {
        if (double.IsNaN(dpi) || double.IsInfinity(dpi))
        {
            return null;
        }

        var rounded = Math.Round(dpi, MidpointRounding.AwayFromZero);
        return rounded is >= MinPlausibleDpi and <= MaxPlausibleDpi ? (int)rounded : null;
    }
}
