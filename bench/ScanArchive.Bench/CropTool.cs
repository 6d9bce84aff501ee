using ImageMagick;

namespace ScanArchive.Bench;

internal static class CropTool
{
    public static int Run(string[] a)
    {
        using var img = new MagickImage(a[0]);
        img.Crop(new MagickGeometry(int.Parse(a[1]), int.Parse(a[2]), uint.Parse(a[3]), uint.Parse(a[4])));
        img.Write(a[5], MagickFormat.Png);
        return 0;
    }
}
