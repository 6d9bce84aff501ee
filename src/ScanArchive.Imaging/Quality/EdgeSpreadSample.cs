namespace ScanArchive.Imaging.Quality;

/// <summary>One edge crossing's gradient spread (standard deviation, analysis pixels) and the contrast its ramp spans.</summary>
/// <param name="Spread">Standard deviation of the gradient across the edge, in analysis pixels.</param>
/// <param name="Contrast">Grey levels from the foot to the top of the ramp.</param>
internal readonly record struct EdgeSpreadSample(float Spread, short Contrast);
