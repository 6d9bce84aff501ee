using System.CommandLine;
using System.Globalization;
using ScanArchive.Application.Searching;
using ScanArchive.Core.Search;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli.Commands;

/// <summary><c>search</c> and <c>reindex</c>.</summary>
internal static class SearchCommands
{
    public static IEnumerable<Command> Create() => [Search(), Reindex()];

    private static Command Search()
    {
        var query = new Argument<string[]>("query") { Description = "Words, \"a phrase\", an archive/customer/ID/phone number. / 检索词、短语或编号。", Arity = ArgumentArity.ZeroOrMore };
        var type = new Option<string?>("--type") { Description = "Only this document type (e.g. invoice). / 文档类型。" };
        var from = new Option<string?>("--from") { Description = "Document date from (yyyy-MM-dd). / 起始日期。" };
        var to = new Option<string?>("--to") { Description = "Document date to (yyyy-MM-dd). / 截止日期。" };
        var customer = new Option<string?>("--customer") { Description = "Customer name or number. / 客户姓名或客户号。" };
        var take = new Option<int>("--take") { Description = "Hits to show. / 显示条数。", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print JSON. / 以 JSON 输出。" };
        var command = new Command("search", "Search the archive. / 检索档案。");
        command.Arguments.Add(query);
        foreach (var option in new Option[] { type, from, to, customer, take, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            var culture = context.Culture;
            if (!TryDate(result.GetValue(from), culture, out var fromDate) || !TryDate(result.GetValue(to), culture, out var toDate))
            {
                return ExitCodes.UsageOrSetup;
            }

            var request = new SearchQuery
            {
                Text = string.Join(' ', result.GetValue(query) ?? []),
                DocumentType = result.GetValue(type),
                From = fromDate,
                To = toDate,
                Customer = result.GetValue(customer),
                Take = Math.Max(1, result.GetValue(take)),
            };
            SearchResults results;
            try
            {
                results = context.Get<SearchService>().Search(context.Actor, request);
            }
            catch (SearchIndexException ex)
            {
                Console.Error.WriteLine(ex.MessageIn(culture));
                return ExitCodes.ArchiveDamaged;
            }

            if (result.GetValue(json))
            {
                ArchiveSession.WriteJson(new { results.TotalHits, ElapsedMs = results.Elapsed.TotalMilliseconds, results.Hits });
                return ExitCodes.Success;
            }

            Console.WriteLine(UserMessages.Pick(
                $"找到 {results.TotalHits} 条（{results.Elapsed.TotalMilliseconds:F0} 毫秒）",
                $"{results.TotalHits} hit(s) ({results.Elapsed.TotalMilliseconds:F0} ms)",
                culture));
            foreach (var hit in results.Hits)
            {
                var page = hit.PageNumber is { } n ? UserMessages.Pick($"第 {n} 页", $"p. {n}", culture) : "";
                Console.WriteLine($"{hit.ArchiveNumber}  {hit.DocumentType}  {hit.CustomerName}  {page}");
                if (hit.Snippet.Length > 0)
                {
                    Console.WriteLine("    " + hit.MarkedSnippet().ReplaceLineEndings(" "));
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Reindex()
    {
        var command = new Command("reindex", "Rebuild the search index from the archive records. / 依据档案记录重建检索索引。");
        command.SetAction((result, cancellationToken) => ArchiveSession.RunAsync(result, context =>
        {
            int count;
            try
            {
                count = context.Get<SearchService>().Reindex(context.Actor, null, cancellationToken);
            }
            catch (SearchIndexException ex)
            {
                Console.Error.WriteLine(ex.MessageIn(context.Culture));
                return Task.FromResult(ExitCodes.ArchiveDamaged);
            }

            Console.WriteLine(UserMessages.Pick($"已重建索引：{count} 个档案条目。", $"Index rebuilt: {count} archive entries.", context.Culture));
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    private static bool TryDate(string? text, CultureInfo culture, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        Console.Error.WriteLine(UserMessages.Pick($"日期“{text}”无法识别，请用 yyyy-MM-dd 格式。", $"Cannot read the date \"{text}\"; use yyyy-MM-dd.", culture));
        return false;
    }
}
