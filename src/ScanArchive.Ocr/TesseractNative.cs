using System.Reflection;
using System.Runtime.InteropServices;
using ScanArchive.Core.Ocr;

namespace ScanArchive.Ocr;

/// <summary>One-time process setup that must happen before libtesseract is loaded.</summary>
internal static class TesseractNative
{
    private static readonly Lock Gate = new();
    private static bool _initialized;

    /// <summary>
    /// Sets OMP_THREAD_LIMIT=1 in the C environment (libgomp reads it once, when libtesseract pulls it in:
    /// without it every page spins up a thread per core and a pool of N engines oversubscribes the CPU 2–5×),
    /// installs the library resolver and silences Leptonica's stderr chatter.
    /// </summary>
    public static void EnsureInitialized()
    {
        lock (Gate)
        {
            if (_initialized)
            {
                return;
            }

            if (Environment.GetEnvironmentVariable("OMP_THREAD_LIMIT") is null)
            {
                _ = Interop.Libc.setenv("OMP_THREAD_LIMIT", "1", 1);
                Environment.SetEnvironmentVariable("OMP_THREAD_LIMIT", "1");
            }

            NativeLibrary.SetDllImportResolver(typeof(TesseractNative).Assembly, Resolve);
            try
            {
                _ = Interop.Leptonica.setMsgSeverity(Interop.Leptonica.L_SEVERITY_NONE);
            }
            catch (DllNotFoundException ex)
            {
                throw Missing("liblept.so.5", "liblept5", ex);
            }

            _initialized = true;
        }
    }

    public static string Version()
    {
        EnsureInitialized();
        return Marshal.PtrToStringUTF8(Interop.Tesseract.TessVersion()) ?? "unknown";
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        string[] candidates = libraryName switch
        {
            Interop.Tesseract.LibraryName => ["libtesseract.so.5", "libtesseract.so", "tesseract"],
            Interop.Leptonica.LibraryName => ["liblept.so.5", "libleptonica.so.6", "liblept.so", "lept"],
            _ => [],
        };
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        if (candidates.Length > 0)
        {
            throw Missing(libraryName, libraryName.StartsWith("libtess", StringComparison.Ordinal) ? "libtesseract5" : "liblept5", null);
        }

        return 0;
    }

    private static OcrException Missing(string library, string package, Exception? inner) => new(
        $"The OCR library {library} is not installed. Install it with: sudo apt-get install {package} " +
        "(the README's run and test commands do this for you).",
        inner ?? new DllNotFoundException(library));
}
