using System.Diagnostics;
using System.Text;

namespace ScanArchive.TestSupport;

/// <summary>Poppler and qpdf command-line tools (prerequisites, see tools/prerequisites.sh) run on PDF bytes.</summary>
public static class PdfTools
{
    /// <summary>The text <c>pdftotext</c> extracts (UTF-8); <paramref name="raw"/> keeps content-stream order.</summary>
    public static string PdfToText(byte[] pdf, bool raw = false)
    {
        using var dir = new TempDirectory("pdftotext");
        var path = dir.Write("in.pdf", pdf);
        var (code, stdout, stderr) = Run("pdftotext", raw ? ["-raw", "-enc", "UTF-8", path, "-"] : ["-enc", "UTF-8", path, "-"]);
        return code == 0 ? stdout : throw new InvalidOperationException($"pdftotext failed ({code}): {stderr}");
    }

    /// <summary><c>qpdf --check</c>: exit code and combined output.</summary>
    public static (int ExitCode, string Output) QpdfCheck(byte[] pdf)
    {
        using var dir = new TempDirectory("qpdf");
        var path = dir.Write("in.pdf", pdf);
        var (code, stdout, stderr) = Run("qpdf", ["--check", path]);
        return (code, stdout + stderr);
    }

    /// <summary>
    /// <c>pdffonts</c>: one row per font, (name, type, embedded). PDF/A wants every font embedded, even one used
    /// only for invisible text.
    /// </summary>
    public static IReadOnlyList<(string Name, string Type, bool Embedded)> PdfFonts(byte[] pdf)
    {
        using var dir = new TempDirectory("pdffonts");
        var path = dir.Write("in.pdf", pdf);
        var (code, stdout, stderr) = Run("pdffonts", [path]);
        if (code != 0)
        {
            throw new InvalidOperationException($"pdffonts failed ({code}): {stderr}");
        }

        // name type encoding emb sub uni object ID; names have no spaces, "CID TrueType" does.
        var rows = new List<(string, string, bool)>();
        foreach (var line in stdout.Split('\n').Skip(2).Where(l => l.Trim().Length > 0))
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var emb = cells[^5];
            rows.Add((cells[0], string.Join(' ', cells[1..^6]), emb == "yes"));
        }

        return rows;
    }

    /// <summary>Renders page 1 with <c>pdftoppm -gray</c> at <paramref name="dpi"/>: width, height and 8-bit grey pixels, row by row.</summary>
    public static (int Width, int Height, byte[] Pixels) RenderGray(byte[] pdf, int dpi)
    {
        using var dir = new TempDirectory("pdftoppm");
        var path = dir.Write("in.pdf", pdf);
        var outBase = Path.Combine(dir.Path, "page");
        var (code, _, stderr) = Run("pdftoppm", ["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-singlefile", "-f", "1", "-l", "1", path, outBase]);
        if (code != 0)
        {
            throw new InvalidOperationException($"pdftoppm failed ({code}): {stderr}");
        }

        return ReadPgm(File.ReadAllBytes(outBase + ".pgm"));
    }

    private static (int Width, int Height, byte[] Pixels) ReadPgm(byte[] pgm)
    {
        // P5 <ws> width <ws> height <ws> maxval <one ws> data
        var fields = new List<int>();
        var pos = 2;
        while (fields.Count < 3)
        {
            while (char.IsWhiteSpace((char)pgm[pos]))
            {
                pos++;
            }

            var start = pos;
            while (!char.IsWhiteSpace((char)pgm[pos]))
            {
                pos++;
            }

            fields.Add(int.Parse(System.Text.Encoding.ASCII.GetString(pgm, start, pos - start), System.Globalization.CultureInfo.InvariantCulture));
        }

        pos++;
        return pgm[0] == 'P' && pgm[1] == '5' && fields[2] == 255
            ? (fields[0], fields[1], pgm[pos..(pos + (fields[0] * fields[1]))])
            : throw new InvalidOperationException("Not an 8-bit binary PGM.");
    }

    /// <summary>Characters other than whitespace, for comparing texts that differ only in spacing.</summary>
    public static string WithoutWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>How often each non-whitespace character occurs.</summary>
    public static IReadOnlyDictionary<string, int> CharacterCounts(string text) =>
        WithoutWhitespace(text).EnumerateRunes().GroupBy(r => r.ToString()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static (int Code, string Stdout, string Stderr) Run(string tool, string[] args)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start (install it: see tools/prerequisites.sh).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
