namespace ScanArchive.Application;

/// <summary>
/// Where everything lives in a data folder. The one place that knows the layout: hosts and use cases ask here
/// instead of combining paths themselves.
/// </summary>
public sealed class DataFolderLayout
{
    public DataFolderLayout(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The data folder.</summary>
    public string Root { get; }

    /// <summary>The Lucene index (rebuilt from the records by <c>reindex</c> when lost).</summary>
    public string SearchIndex => Path.Combine(Root, "index");

    /// <summary>Zone templates, <c>*.json</c>.</summary>
    public string Templates => Path.Combine(Root, "templates");

    /// <summary>The folder holding <c>profiles.json</c> (the data folder itself).</summary>
    public string Profiles => Root;

    /// <summary>The web host's data-protection keys (cookies and tokens stay valid across restarts).</summary>
    public string WebKeys => Path.Combine(Root, "web-keys");

    /// <summary>Written by a running server: its address and process, so that commands can say where it is.</summary>
    public string ServerInfo => Path.Combine(Root, "server.json");

    /// <summary>Uploads being received, before they are stored as originals.</summary>
    public string Uploads => Path.Combine(Root, "uploads");
}
