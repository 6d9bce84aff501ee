namespace ScanArchive.Archive.Security;

/// <summary>
/// Folders and files that hold customer data are the service account's alone (0700 / 0600), whatever the process's
/// umask: set explicitly, because a umask of 022 (the default) would leave them readable by every local account.
/// </summary>
public static class PrivateFiles
{
    /// <summary>rwx for the owner only.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw for the owner only.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and missing parents) and makes it private.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        // Each folder this creates is made private, not only the last: a umask would leave the parents open.
        var full = Path.GetFullPath(path);
        var missing = new Stack<string>();
        for (var folder = full; !string.IsNullOrEmpty(folder) && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            missing.Push(folder);
        }

        Directory.CreateDirectory(full, FolderMode);
        foreach (var created in missing.Append(full).Distinct())
        {
            MakePrivate(created, FolderMode);
        }
    }

    /// <summary>Makes an existing file private (no-op where Unix modes do not apply or the file is gone).</summary>
    public static void MakeFilePrivate(string path) => MakePrivate(path, FileMode);

    /// <summary>Options for a new private file.</summary>
    public static FileStreamOptions NewFile(FileAccess access = FileAccess.Write, int bufferSize = 1 << 16)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = access, Share = FileShare.None, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>True when a Unix file or folder is readable or writable by the group or others.</summary>
    public static bool IsShared(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;

    private static void MakePrivate(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, mode);
        }
        catch (FileNotFoundException)
        {
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
