using System.Globalization;

namespace ScanArchive.SampleGenerator.Data;

internal static class Money
{
    /// <summary>12,345.00 — as printed on invoices and contracts.</summary>
    public static string Grouped(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>12345.00 — the normalized ground-truth form, also used in invoice line cells.</summary>
    public static string Plain(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Contract sums are mostly whole yuan, sometimes with 角.</summary>
    public static decimal ContractSum(Random random) =>
        random.Next(3_000, 100_000) + (random.Next(4) == 0 ? random.Next(1, 10) / 10m : 0m);
}
