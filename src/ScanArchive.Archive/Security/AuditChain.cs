using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace ScanArchive.Archive.Security;

/// <summary>
/// The audit trail's hash chain: each record carries its sequence number, the hash of the record before it and its
/// own hash over a canonical serialization of everything it says. Editing a record breaks its hash, deleting one
/// breaks the sequence and the next record's link, inserting one breaks the links around it; cutting the newest
/// records off or rewriting the whole chain is caught against an anchor (a head hash kept outside the data folder).
/// </summary>
internal static class AuditChain
{
    public const string SeqField = "Seq";
    public const string PrevField = "Prev";
    public const string HashField = "Hash";

    /// <summary>The "previous hash" of the first record.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>SHA-256 (hex) of the record's canonical form: every field except <c>_id</c> and the hash itself.</summary>
    public static string Hash(BsonDocument record)
    {
        var text = new StringBuilder();
        Canonical(record, text, top: true);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Fields in ordinal key order, values typed and normalized the way they read back from the database (dates as UTC
    /// milliseconds, which is what LiteDB keeps), so the hash computed at write time is the hash recomputed later.
    /// </summary>
    private static void Canonical(BsonValue value, StringBuilder text, bool top = false)
    {
        switch (value.Type)
        {
            case BsonType.Document:
                text.Append('{');
                foreach (var key in value.AsDocument.Keys.Where(k => !top || (k != "_id" && k != HashField)).OrderBy(k => k, StringComparer.Ordinal))
                {
                    Quote(key, text);
                    text.Append(':');
                    Canonical(value.AsDocument[key], text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case BsonType.Array:
                text.Append('[');
                foreach (var item in value.AsArray)
                {
                    Canonical(item, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case BsonType.String:
                text.Append("s:");
                Quote(value.AsString, text);
                break;
            case BsonType.DateTime:
                var utc = value.AsDateTime.ToUniversalTime();
                text.Append("d:").Append((utc.Ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture));
                break;
            case BsonType.Null:
                text.Append("null");
                break;
            case BsonType.Boolean:
                text.Append(value.AsBoolean ? "true" : "false");
                break;
            case BsonType.Int32:
            case BsonType.Int64:
                text.Append("i:").Append(value.AsInt64.ToString(CultureInfo.InvariantCulture));
                break;
            case BsonType.Double:
                text.Append("f:").Append(value.AsDouble.ToString("R", CultureInfo.InvariantCulture));
                break;
            case BsonType.Decimal:
                text.Append("m:").Append(value.AsDecimal.ToString(CultureInfo.InvariantCulture));
                break;
            case BsonType.Binary:
                text.Append("b:").Append(Convert.ToBase64String(value.AsBinary));
                break;
            default:
                text.Append(value.Type.ToString()).Append(':').Append(value.ToString());
                break;
        }
    }

    private static void Quote(string s, StringBuilder text)
    {
        // Length-prefixed, so no choice of characters inside a value can imitate a field boundary.
        text.Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append('"').Append(s).Append('"');
    }
}
