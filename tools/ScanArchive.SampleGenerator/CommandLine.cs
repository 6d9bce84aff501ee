using System.Globalization;

namespace ScanArchive.SampleGenerator;

internal enum Command
{
    Generate,
    Verify,
    SelfTest,
    List,
    Help,
}

internal sealed record CommandLine(Command Command, int Seed, string? Directory, IReadOnlyList<string> Only, bool Variants = false)
{
    public const int DefaultSeed = 20261122;

    public const string Usage = """
        ScanArchive.SampleGenerator - renders synthetic scanned customer-folder pages with ground truth.

        Usage:
          --out DIR [--seed N] [--only NAME[,NAME...]]   generate pages (image + <name>.json) into DIR
          --verify DIR [--seed N]                        regenerate into a temp folder and compare with DIR:
                                                         JSON byte-identical, images pixel-identical;
                                                         exit code 1 on any mismatch
          --self-test                                    check ID-number, amount-word and encoder logic
          --list                                         list the pages and what each tests
          --variants                                     with --out/--list: the variant set (customer forms with
                                                         label wordings and layouts the field finder was not
                                                         written against) instead of the committed set
          --help

        The seed defaults to 20261122 (the committed sample-scans/ set).
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var command = Command.Help;
        var seed = DefaultSeed;
        string? directory = null;
        var only = new List<string>();
        var variants = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out":
                    command = Command.Generate;
                    directory = Value(args, ref i);
                    break;
                case "--verify":
                    command = Command.Verify;
                    directory = Value(args, ref i);
                    break;
                case "--seed":
                    var text = Value(args, ref i);
                    if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
                    {
                        throw new FormatException($"--seed expects an integer, got '{text}'.");
                    }

                    break;
                case "--only":
                    only.AddRange(Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--self-test":
                    command = Command.SelfTest;
                    break;
                case "--list":
                    command = Command.List;
                    break;
                case "--variants":
                    variants = true;
                    break;
                case "--help" or "-h":
                    command = Command.Help;
                    break;
                default:
                    throw new FormatException($"Unknown argument '{args[i]}'.");
            }
        }

        return new CommandLine(command, seed, directory, only, variants);
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new FormatException($"{args[i - 1]} needs a value.");
}
