using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr;

/// <summary>
/// Turns an engine's current recognition result into a one-page PDF of invisible text, with Tesseract's own PDF
/// renderer in text-only mode: its glyphless CID font (Identity-H, ToUnicode) carries any script, Chinese included,
/// which a PDF library writing simple TrueType fonts cannot (≤ 255 characters per font, no CFF/TTC CJK fonts).
/// </summary>
/// <remarks>
/// The renderer reads the results already in the TessBaseAPI (<c>TessResultRendererAddImage</c> walks the result
/// iterator; it does not recognize again), so it must run after Recognize and before Clear. Its C API only writes
/// to a file (or stdout), hence a temporary file per page, deleted at once. Page size: the image Tesseract was
/// given, in pixels × 72 / the resolution it was told.
/// </remarks>
internal sealed class TextLayerRenderer
{
    /// <summary>The glyphless font Tesseract embeds; it looks for it in the folder given as datadir.</summary>
    internal const string FontFileName = "pdf.ttf";

    private readonly string _fontFolder;
    private readonly string _tempFolder;

    public TextLayerRenderer(string fontFolder, string? tempFolder = null)
    {
        _fontFolder = fontFolder;
        _tempFolder = tempFolder ?? Path.GetTempPath();
    }

    /// <summary>
    /// The folder holding <c>pdf.ttf</c>: the tessdata folder the languages came from, else a system tessdata folder
    /// (a custom <c>--tessdata</c> folder or the project's <c>tessdata/</c> may hold only language files).
    /// </summary>
    /// <exception cref="OcrException">No folder has it.</exception>
    public static string LocateFontFolder(string tessdata)
    {
        var candidates = new[] { tessdata }.Concat(TessdataLocator.ProjectTessdata() is { } p ? [p] : []).Concat(TessdataLocator.SystemPaths);
        foreach (var dir in candidates)
        {
            if (File.Exists(Path.Combine(dir, FontFileName)))
            {
                return dir;
            }
        }

        throw new OcrException(
            $"Tesseract's {FontFileName}, needed for searchable PDFs, was not found (looked in: {string.Join(", ", candidates.Distinct())}). " +
            "Install it with: sudo apt-get install libtesseract5.");
    }

    /// <summary>Renders the current result of <paramref name="api"/> as a one-page text-only PDF.</summary>
    /// <exception cref="OcrException">Tesseract could not write the PDF.</exception>
    public byte[] Render(SafeTessBaseApiHandle api)
    {
        var outputBase = Path.Combine(_tempFolder, $"scanarchive-textlayer-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var path = outputBase + ".pdf";
        try
        {
            // Deleting the renderer closes its file: read only after the using block.
            using (var renderer = Interop.Tesseract.TessPDFRendererCreate(outputBase, _fontFolder, 1))
            {
                if (renderer.IsInvalid ||
                    Interop.Tesseract.TessResultRendererBeginDocument(renderer, string.Empty) == 0 ||
                    Interop.Tesseract.TessResultRendererAddImage(renderer, api) == 0 ||
                    Interop.Tesseract.TessResultRendererEndDocument(renderer) == 0)
                {
                    throw new OcrException($"Tesseract could not write the text layer PDF to {path} (font folder {_fontFolder}).");
                }
            }

            return File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new OcrException($"The text layer PDF written by Tesseract could not be read back from {path}: {ex.Message}", ex);
        }
        finally
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless; failing the page over it is not.
            }
        }
    }
}
