using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Scalar.AspNetCore;
using ScanArchive.Application;
using ScanArchive.Application.Capture;
using ScanArchive.Web.Api;
using ScanArchive.Web.Components;
using ScanArchive.Web.Hosting;
using ScanArchive.Web.Security;

namespace ScanArchive.Web;

/// <summary>
/// Builds the workstation server: the application services over the data folder, background recognition,
/// authentication, the REST API, the Blazor UI. Tests build it the same way on a loopback port.
/// </summary>
public static class WorkstationApp
{
    /// <summary>Builds the application from command-line arguments (<c>--data DIR</c>, <c>--urls URL</c>).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Adjusts the builder before it is built (tests: logging, options).</param>
    /// <param name="options">Adjusts the application options (tests: clock, numbering).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, Func<ScanArchiveOptions, ScanArchiveOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (arguments, https) = WorkstationSettings.SplitHttps(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = arguments,
            ApplicationName = typeof(WorkstationApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Serve wwwroot and the framework's scripts from the build output too (a no-op for published output).
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Lifetime", LogLevel.Information);
        var urls = builder.Configuration["urls"] ?? builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrEmpty(urls))
        {
            builder.WebHost.UseUrls(https is null ? WorkstationSettings.DefaultUrl : WorkstationSettings.DefaultHttpsUrl);
        }
        else if (https is not null && !urls.Contains("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"--https needs an https:// address in --urls, not '{urls}'.");
        }

        // Loaded here, so that a wrong file or password stops the start with a clear message.
        var certificate = https?.CertificatePath is null ? null : https.LoadCertificate();
        if (https is not null && certificate is null && string.IsNullOrEmpty(builder.Configuration["Kestrel:Certificates:Default:Path"]))
        {
            throw new InvalidOperationException("--https needs a certificate: --cert FILE.pfx [--cert-password-file FILE], or Kestrel:Certificates:Default:Path.");
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = UploadService.MaxRequestBytes;
            if (certificate is not null)
            {
                kestrel.ConfigureHttpsDefaults(o => o.ServerCertificate = certificate);
            }
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = UploadService.MaxRequestBytes);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var application = new ScanArchiveOptions { DataFolder = WorkstationSettings.DataFolder(arguments) };
        application = options?.Invoke(application) ?? application;
        var services = builder.Services;
        services.AddScanArchive(application);
        services.AddScanArchiveBackgroundProcessing();
        var layout = new DataFolderLayout(application.DataFolder);
        services.AddWorkstationSecurity(layout, WorkstationSettings.IdleTimeout(builder.Configuration));
        services.AddSingleton<ServerInfoService>();
        services.AddHostedService(sp => sp.GetRequiredService<ServerInfoService>());

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ApiProblems.Localize);
        // Chinese text goes out as text, not as numeric character references.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddOpenApi();
        services.AddRazorComponents().AddInteractiveServerComponents();

        configure?.Invoke(builder);
        var app = builder.Build();

        // Localization first: problem details written by the exception handler are in the caller's language too.
        app.UseRequestLocalization(WorkstationCultures.Options());
        app.UseExceptionHandler();
        app.UseSecurityHeaders();
        app.UseSignInThrottle();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseStateChangeAntiforgery();
        app.UseAuditAddress();

        app.MapStaticAssets().AllowAnonymous();
        var api = app.MapGroup("/api").AddEndpointFilter<CookieAntiforgeryFilter>();
        api.MapAuthApi();
        api.MapBatchesApi();
        api.MapReviewApi();
        api.MapEntriesApi();
        api.MapSearchApi();
        api.MapCustomersApi();
        api.MapAuditApi();
        api.MapWorkstationApi();
        app.MapUiEndpoints();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = "'none'");
        return app;
    }
}
