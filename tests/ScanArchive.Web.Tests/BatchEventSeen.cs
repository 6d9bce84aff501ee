using System.Text.Json;

namespace ScanArchive.Web.Tests;

/// <summary>One server-sent event: its kind (<c>sheet</c>, <c>page</c>, <c>fault</c>, <c>done</c>…) and its data.</summary>
public sealed record BatchEventSeen(string Kind, JsonElement Data)
{
    public string State => Data.GetProperty("state").GetString()!;

    public string? Message => Data.GetProperty("message").GetString();
}
