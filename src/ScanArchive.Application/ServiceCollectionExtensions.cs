using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScanArchive.Application.Accounts;
using ScanArchive.Application.Auditing;
using ScanArchive.Application.Batches;
using ScanArchive.Application.Capture;
using ScanArchive.Application.Customers;
using ScanArchive.Application.Entries;
using ScanArchive.Application.Processing;
using ScanArchive.Application.Searching;
using ScanArchive.Core.Accounts;

namespace ScanArchive.Application;

/// <summary>The one composition of the application, shared by the web host and the command line.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the archive in <paramref name="options"/>' data folder and every use case over it. All are
    /// singletons: one process owns a data folder, and the services are thread-safe.
    /// </summary>
    public static IServiceCollection AddScanArchive(this IServiceCollection services, ScanArchiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton(options.Clock);
        services.AddSingleton<ArchiveHost>();
        services.AddSingleton(sp => sp.GetRequiredService<ArchiveHost>().Layout);
        services.AddSingleton<IAccountStore>(sp => sp.GetRequiredService<ArchiveHost>().Accounts);
        services.AddSingleton(sp => new AccountService(sp.GetRequiredService<IAccountStore>(), options.Clock));
        services.AddSingleton<SearchService>();
        services.AddSingleton<BatchService>();
        services.AddSingleton<EntryService>();
        services.AddSingleton<CustomerService>();
        services.AddSingleton<AuditService>();
        services.AddSingleton<Statistics.StatsService>();
        services.AddSingleton<RecognitionEngines>();
        services.AddSingleton<BatchActivity>();
        services.AddSingleton<ProcessingService>();
        services.AddSingleton<CaptureService>();
        services.AddSingleton<WatchService>();
        services.AddSingleton<Review.ReviewRules>();
        services.AddSingleton<Review.PageReworker>();
        services.AddSingleton<Review.ReviewService>();
        services.AddSingleton<Review.RescanNowService>();
        services.AddSingleton<Review.ReviewDocumentsService>();
        services.AddSingleton<Review.CharacterCheckService>();
        services.AddSingleton<Review.TemplateLearningService>();
        return services;
    }

    /// <summary>
    /// Adds background recognition for a long-running host (the server): batches queued by uploads, and batches
    /// left in processing by a previous run, are recognized behind the requests; uploads (<see cref="UploadService"/>)
    /// and scans that run behind a request (<see cref="ScanJobs"/>).
    /// </summary>
    public static IServiceCollection AddScanArchiveBackgroundProcessing(this IServiceCollection services)
    {
        services.TryAddSingleton<ProcessingQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ProcessingQueue>());

        // Uploads and background scans feed the queue; scans stop (their sheets still recognized) before it does.
        services.TryAddSingleton<UploadService>();
        services.TryAddSingleton<ScanJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<ScanJobs>());
        return services;
    }
}
