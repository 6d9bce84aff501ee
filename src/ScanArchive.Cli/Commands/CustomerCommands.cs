using System.CommandLine;
using ScanArchive.Application.Customers;
using ScanArchive.Core.Text;

namespace ScanArchive.Cli.Commands;

/// <summary><c>customers</c> and <c>customer ID</c>: customer files (客户档案) and the documents filed under them.</summary>
internal static class CustomerCommands
{
    public static IEnumerable<Command> Create() => [List(), Show()];

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON. / 以 JSON 输出。" };
        var command = new Command("customers", "List customer files and entries awaiting a customer decision. / 列出客户档案。");
        command.Options.Add(json);
        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            var culture = context.Culture;
            var service = context.Get<CustomerService>();
            var customers = service.List(context.Actor);
            var conflicts = service.Conflicts(context.Actor).Select(e => new { e.Number, e.CustomerConflict }).ToList();
            if (result.GetValue(json))
            {
                ArchiveSession.WriteJson(new { Customers = customers, Conflicts = conflicts });
                return ExitCodes.Success;
            }

            foreach (var c in customers)
            {
                Console.WriteLine($"{c.Id}  {c.Name,-12} {c.IdNumber,-19} {c.CustomerNo,-12} {c.Phone,-12} {c.Entries.Count} {UserMessages.Pick("份文档", "document(s)", culture)}");
            }

            foreach (var c in conflicts)
            {
                Console.WriteLine(UserMessages.Pick($"待核对  {c.Number}：{c.CustomerConflict}", $"TO CHECK  {c.Number}: {c.CustomerConflict}", culture));
            }

            if (customers.Count == 0 && conflicts.Count == 0)
            {
                Console.WriteLine(UserMessages.Pick("还没有客户档案。", "No customer files yet.", culture));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show()
    {
        var key = new Argument<string>("id") { Description = "Customer file id, ID number or customer number. / 客户档案号、身份证号或客户号。" };
        var json = new Option<bool>("--json") { Description = "Print JSON. / 以 JSON 输出。" };
        var command = new Command("customer", "Show a customer's documents and fields with their sources. / 显示客户档案。");
        command.Arguments.Add(key);
        command.Options.Add(json);
        command.SetAction(result => ArchiveSession.Run(result, context =>
        {
            var (customer, entries) = context.Get<CustomerService>().Get(context.Actor, result.GetValue(key)!);
            if (result.GetValue(json))
            {
                ArchiveSession.WriteJson(new { Customer = customer, Documents = entries.Select(e => new { e.Number, e.Title, e.DocumentType, e.Fields, e.CommittedAt }) });
                return ExitCodes.Success;
            }

            Console.WriteLine($"{customer.Id}  {customer.Name}  {customer.IdNumber}  {customer.CustomerNo}  {customer.Phone}");
            foreach (var entry in entries)
            {
                Console.WriteLine($"  {entry.Number}  {entry.DocumentType,-22} {entry.Title}");
                foreach (var field in entry.Fields)
                {
                    Console.WriteLine($"      {field.Key}: {field.Value}");
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
