using System.Globalization;
using ScanArchive.SampleGenerator;
using ScanArchive.SampleGenerator.Rendering;
using ScanArchive.SampleGenerator.Variants;

// Interpolated dates and numbers must not follow the machine's culture (a Thai calendar would
// change every year printed), or the output would differ between machines.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

CommandLine commandLine;
try
{
    commandLine = CommandLine.Parse(args);
}
catch (FormatException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

try
{
    switch (commandLine.Command)
    {
        case Command.Generate:
        {
            var specs = SelectPages(Catalog(commandLine), commandLine.Only);
            using var fonts = FontLibrary.Load();
            var generator = new SampleSetGenerator(fonts, commandLine.Seed);
            var pages = generator.WriteAll(commandLine.Directory!, specs, Console.Out);
            Console.WriteLine($"{pages.Count} pages, {pages.Sum(p => p.Image.Length + p.GroundTruthJson.Length) / 1048576.0:F2} MiB, seed {commandLine.Seed}");
            return 0;
        }

        case Command.Verify:
        {
            using var fonts = FontLibrary.Load();
            var verifier = new SampleSetVerifier(new SampleSetGenerator(fonts, commandLine.Seed), PageCatalog.All);
            return verifier.Verify(commandLine.Directory!, Console.Out) ? 0 : 1;
        }

        case Command.SelfTest:
            return SelfTest.Run(Console.Out) ? 0 : 1;

        case Command.List:
            foreach (var spec in Catalog(commandLine))
            {
                Console.WriteLine($"{spec.ImageFileName,-48} {spec.Template.DocType,-22} {spec.Purpose}");
            }

            return 0;

        default:
            Console.WriteLine(CommandLine.Usage);
            return 0;
    }
}
catch (Exception ex) when (ex is FileNotFoundException or InvalidOperationException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 3;
}

static IReadOnlyList<PageSpec> Catalog(CommandLine commandLine) => commandLine.Variants ? VariantCatalog.All : PageCatalog.All;

static IReadOnlyList<PageSpec> SelectPages(IReadOnlyList<PageSpec> catalog, IReadOnlyList<string> only)
{
    if (only.Count == 0)
    {
        return catalog;
    }

    var unknown = only.Where(n => catalog.All(p => p.Name != n)).ToList();
    if (unknown.Count > 0)
    {
        throw new InvalidOperationException($"Unknown page name(s): {string.Join(", ", unknown)}; see --list.");
    }

    return catalog.Where(p => only.Contains(p.Name)).ToList();
}
