using Microsoft.AspNetCore.Http.HttpResults;
using ScanArchive.Application.Auditing;
using ScanArchive.Application.Customers;
using ScanArchive.Application.Entries;
using ScanArchive.Application.Searching;
using ScanArchive.Core.Accounts;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Search;
using ScanArchive.Web.Security;

namespace ScanArchive.Web.Api;

/// <summary><c>/api/entries</c>, <c>/api/search</c>, <c>/api/customers</c>: the committed archive.</summary>
public static class ArchiveApi
{
    public static RouteGroupBuilder MapEntriesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/entries").WithTags("Entries").RequireAuthorization(SecuritySetup.Policy(Permission.ReadArchive));
        group.MapGet("/", ListEntries).WithSummary("Archive entries in number order.");
        group.MapGet("/{number}", GetEntry).WithSummary("One entry (the view is audited).");
        group.MapGet("/{number}/pdf", Pdf).WithSummary("The entry's searchable PDF (the download is audited).");
        return api;
    }

    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/search", Search).WithTags("Search").RequireAuthorization(SecuritySetup.Policy(Permission.ReadArchive))
            .WithSummary("Full-text and field search over committed entries (the query is audited).");
        return api;
    }

    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/customers/{key}", Customer).WithTags("Customers").RequireAuthorization(SecuritySetup.Policy(Permission.ReadArchive))
            .WithSummary("A customer file by id, ID number or customer number (the view is audited).");
        return api;
    }

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/audit", Audit).WithTags("Audit").RequireAuthorization(SecuritySetup.Policy(Permission.ReadAudit))
            .WithSummary("The audit log, newest first (auditors and administrators).");
        return api;
    }

    private static Ok<EntryList> ListEntries(HttpContext http, EntryService entries, int? skip, int? take)
    {
        var actor = http.Actor();
        var (s, t) = (Math.Max(0, skip ?? 0), Math.Clamp(take ?? 100, 1, 1000));
        var items = entries.List(actor, s, t);
        return TypedResults.Ok(new EntryList(entries.Count(actor), s, t, items.Select(EntryView.Of).ToList()));
    }

    private static Ok<EntryView> GetEntry(string number, HttpContext http, EntryService entries) =>
        TypedResults.Ok(EntryView.Of(entries.Get(http.Actor(), number)));

    private static FileStreamHttpResult Pdf(string number, HttpContext http, EntryService entries)
    {
        var (entry, stream) = entries.OpenPdf(http.Actor(), number);
        return TypedResults.File(stream, "application/pdf", entry.Number + ".pdf");
    }

    private static Ok<SearchResponse> Search(HttpContext http, SearchService search, string? q, string? type, DateOnly? from, DateOnly? to, string? customer, string? batch, string? number, int? skip, int? take)
    {
        var (s, t) = (Math.Max(0, skip ?? 0), Math.Clamp(take ?? 20, 1, 1000));
        var found = search.Find(http.Actor(), WorkstationApi.Query(q, type, from, to, customer, number, s, t), batch);
        return TypedResults.Ok(SearchResponse.Of(found, s, t));
    }

    private static Ok<CustomerView> Customer(string key, HttpContext http, CustomerService customers)
    {
        var file = customers.Get(http.Actor(), key);
        return TypedResults.Ok(new CustomerView(file.Customer, file.Entries.Select(EntryView.Of).ToList()));
    }

    private static Ok<IReadOnlyList<AuditRecord>> Audit(HttpContext http, AuditService audit, string? user, string? action, string? target, DateTimeOffset? from, DateTimeOffset? to, int? skip, int? take) =>
        TypedResults.Ok(audit.Query(http.Actor(), new AuditQuery
        {
            User = string.IsNullOrWhiteSpace(user) ? null : user.Trim(),
            Action = string.IsNullOrWhiteSpace(action) ? null : action.Trim(),
            Target = string.IsNullOrWhiteSpace(target) ? null : target.Trim(),
            From = from,
            To = to,
            Skip = Math.Max(0, skip ?? 0),
            Take = Math.Clamp(take ?? 100, 1, 1000),
        }));
}
