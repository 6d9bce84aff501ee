namespace ScanArchive.Capture.Sane;

/// <summary>
/// Decides where SANE reads its configuration (SANE_CONFIG_DIR). An operator's SANE_CONFIG_DIR always wins. Otherwise
/// ScanArchive uses <c>DATA/sane.d/</c> (DATA = the data folder), created on first use with a <c>dll.conf</c> that
/// enables the virtual <c>test</c> and <c>pnm</c> backends and a <c>test.conf</c> whose geometry fits A4 — so a
/// newcomer can scan without hardware. The variable is set to <c>DATA/sane.d:</c>: the trailing colon makes SANE
/// search its default folder (/etc/sane.d) after ours, so real backends' own .conf files and the packages' dll.d
/// drop-ins (e.g. sane-airscan for network scanners) keep working. To use a USB scanner whose backend is only in
/// /etc/sane.d/dll.conf, add its name to <c>DATA/sane.d/dll.conf</c> (the file is never overwritten), or run with
/// SANE_CONFIG_DIR=/etc/sane.d.
/// </summary>
public static class SaneConfigFolder
{
    /// <summary>The environment variable SANE reads at sane_init.</summary>
    public const string VariableName = "SANE_CONFIG_DIR";

    /// <summary>Name of the folder created inside the data folder.</summary>
    public const string FolderName = "sane.d";

    /// <summary>The length limit of the test backend's geometry in mm (SANE's default of 200 cuts A4 pages short).</summary>
    public const int TestGeometryMaxMm = 300;

    /// <summary>
    /// The value SANE_CONFIG_DIR should have for a scan: the environment's own when set, else the project folder inside
    /// <paramref name="dataFolder"/> (created when missing), followed by a colon.
    /// </summary>
    public static string Resolve(string dataFolder)
    {
        if (Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        return EnsureProjectFolder(Path.Combine(dataFolder, FolderName)) + ":";
    }

    /// <summary>Creates <paramref name="folder"/> with dll.conf and test.conf when they are missing; returns the folder.</summary>
    public static string EnsureProjectFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        WriteIfMissing(Path.Combine(folder, "dll.conf"), """
            # SANE backends ScanArchive loads (created by ScanArchive; edit freely, it is never overwritten).
            # test: virtual scanner with a feeder of 10 sheets and simulated faults (see `scanimage -d test -A`).
            # pnm:  virtual flatbed that "scans" the PNM file named by its filename option.
            # Add your scanner's backend here (its name in /etc/sane.d/dll.conf, e.g. fujitsu, canon_dr, epsonds).
            test
            pnm

            """);
        WriteIfMissing(Path.Combine(folder, "test.conf"), TestConf());
        return folder;
    }

    private static string TestConf()
    {
        // Debian's /etc/sane.d/test.conf with geometry_max raised so an A4 page (297 mm) fits.
        const string fallback = """
            number_of_devices 2
            mode Gray
            depth 8
            hand-scanner false
            three-pass false
            three-pass-order RGB
            resolution_min 1.0
            resolution_max 1200.0
            resolution_quant 1.0
            resolution 50.0
            test-picture "Solid black"
            invert-endianess false
            read-limit false
            read-limit-size 1
            read-delay false
            read-delay-duration 1000
            read-status-code "Default"
            fuzzy-parameters false
            ppl-loss 0
            non-blocking false
            select-fd false
            enable-test-options false
            geometry_min 0.0
            geometry_max 200.0
            geometry_quant 1.0
            tl_x 0.0
            tl_y 0.0
            br_x 80.0
            br_y 100.0

            """;
        var system = "/etc/sane.d/test.conf";
        var lines = (File.Exists(system) ? File.ReadAllText(system) : fallback).Split('\n');
        var raised = lines.Select(l => l.TrimStart().StartsWith("geometry_max", StringComparison.Ordinal) ? $"geometry_max {TestGeometryMaxMm}.0" : l);
        return "# Written by ScanArchive from /etc/sane.d/test.conf; geometry_max raised so A4 fits.\n" + string.Join('\n', raised);
    }

    private static void WriteIfMissing(string path, string content)
    {
        if (File.Exists(path))
        {
            return;
        }

        var temp = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, content);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException)
        {
            // Another process created it first: theirs is as good as ours.
            File.Delete(temp);
        }
    }
}
