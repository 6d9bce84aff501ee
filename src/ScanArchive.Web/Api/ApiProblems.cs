using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ScanArchive.Application;
using ScanArchive.Application.Accounts;
using ScanArchive.Application.Processing;
using ScanArchive.Core.Archive;
using ScanArchive.Core.Search;

namespace ScanArchive.Web.Api;

/// <summary>
/// Errors as RFC 7807 problem details. The detail is the application's own message, already in the caller's
/// language (the request culture is set before the endpoint runs); the title comes from the resources.
/// </summary>
public static class ApiProblems
{
    /// <summary>The HTTP status and short code for an exception the application throws on purpose, or null.</summary>
    public static (int Status, string Code)? Classify(Exception exception) => exception switch
    {
        AccessDeniedException => (StatusCodes.Status403Forbidden, "accessDenied"),
        ArchiveException a => a.Problem switch
        {
            ArchiveProblem.BatchNotFound or ArchiveProblem.EntryNotFound or ArchiveProblem.ItemNotFound or ArchiveProblem.AccountNotFound
                => (StatusCodes.Status404NotFound, Camel(a.Problem.ToString())),
            ArchiveProblem.NothingToCommit => (StatusCodes.Status422UnprocessableEntity, "nothingToCommit"),
            ArchiveProblem.Locked or ArchiveProblem.Unreadable => (StatusCodes.Status503ServiceUnavailable, Camel(a.Problem.ToString())),
            ArchiveProblem.FileMissing => (StatusCodes.Status500InternalServerError, "fileMissing"),
            _ => (StatusCodes.Status409Conflict, Camel(a.Problem.ToString())),
        },
        AccountException a => (a.IsInputProblem || a.Problem == AccountProblem.WrongSetupCode || a.Problem == AccountProblem.WrongPassword
            ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict, Camel(a.Problem.ToString())),
        RecognitionUnavailableException => (StatusCodes.Status503ServiceUnavailable, "recognitionUnavailable"),
        SearchIndexException => (StatusCodes.Status503ServiceUnavailable, "searchUnavailable"),
        BadHttpRequestException b => (b.StatusCode, "badRequest"),
        JsonException or FormatException or ArgumentException => (StatusCodes.Status400BadRequest, "badRequest"),
        _ => null,
    };

    /// <summary>A problem result for <paramref name="status"/> with a localized title.</summary>
    public static ProblemHttpResult Problem(HttpContext http, int status, string code, string? detail, IDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var problem = Create(http, status, code, detail);
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>The problem for an anti-forgery failure.</summary>
    public static ProblemHttpResult Antiforgery(HttpContext http) =>
        Problem(http, StatusCodes.Status400BadRequest, "antiforgery", Localizer(http)["Problem.Antiforgery"]);

    /// <summary>The problem for an exception the application throws on purpose.</summary>
    public static ProblemHttpResult From(HttpContext http, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (status, code) = Classify(exception) ?? (StatusCodes.Status500InternalServerError, "internal");
        return Problem(http, status, code, status == StatusCodes.Status500InternalServerError && Classify(exception) is null ? null : exception.Message);
    }

    internal static ProblemDetails Create(HttpContext http, int status, string code, string? detail)
    {
        var localizer = Localizer(http);
        var title = localizer[$"Problem.{status}"];
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title.ResourceNotFound ? localizer["Problem.Other"] : title,
            Detail = detail,
            Type = $"https://scanarchive.local/problems/{code}",
            Instance = http.Request.Path,
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>Problems the framework writes itself (401, 403, 404 of unknown routes) get a title in the caller's language too.</summary>
    public static void Localize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code") || problem.Status is not { } status)
        {
            return;
        }

        var title = Localizer(context.HttpContext)[$"Problem.{status}"];
        if (!title.ResourceNotFound)
        {
            problem.Title = title;
        }
    }

    private static IStringLocalizer Localizer(HttpContext http) => http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>Turns the application's refusals into problem details; anything else is a 500 without internals.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var classified = ApiProblems.Classify(exception);
        if (classified is null)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        }

        var (status, code) = classified ?? (StatusCodes.Status500InternalServerError, "internal");
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = ApiProblems.Create(httpContext, status, code, classified is null ? null : exception.Message),
            Exception = exception,
        });
    }
}
