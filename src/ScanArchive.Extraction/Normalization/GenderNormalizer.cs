namespace ScanArchive.Extraction.Normalization;

/// <summary>Gender as printed (男/女, Male/Female, M/F, 先生/女士) → <c>M</c> or <c>F</c>.</summary>
public static class GenderNormalizer
{
    /// <summary>Reads a gender that is the whole of <paramref name="text"/>.</summary>
    public static bool TryParse(string? text, out char gender)
    {
        gender = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = HalfWidth.LabelKey(text);
        switch (key)
        {
            case "男" or "m" or "male" or "先生" or "男性":
                gender = 'M';
                return true;
            case "女" or "f" or "female" or "女士" or "女性":
                gender = 'F';
                return true;
            default:
                return false;
        }
    }
}
