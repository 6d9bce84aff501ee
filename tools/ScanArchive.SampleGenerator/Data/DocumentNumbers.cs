namespace ScanArchive.SampleGenerator.Data;

/// <summary>Reference number formats used consistently across all generated pages.</summary>
internal static class DocumentNumbers
{
    /// <summary>Customer numbers look like KH20260137 (KH = 客户).</summary>
    public static string CustomerNo(Random random) => $"KH2026{random.Next(1, 10000):D4}";

    public static string Prefixed(string prefix, DateOnly date, Random random, int sequenceDigits = 4) =>
        $"{prefix}{date:yyyyMMdd}{random.Digits(sequenceDigits)}";

    /// <summary>Fully digitized (全电) invoice numbers have 20 digits: 2-digit year, 2-digit region, then a serial.</summary>
    public static string ChineseInvoiceNo(DateOnly date, Random random) => $"{date:yy}44{random.Digits(16)}";

    /// <summary>Unified social credit code shape (18 chars); the check character is not computed.</summary>
    public static string CreditCode(Random random)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var tail = new char[8];
        for (var i = 0; i < tail.Length; i++)
        {
            tail[i] = alphabet[random.Next(alphabet.Length)];
        }

        return $"9144030{random.Next(0, 10)}MA5{new string(tail)}";
    }
}
