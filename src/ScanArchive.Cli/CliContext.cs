using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ScanArchive.Application;

namespace ScanArchive.Cli;

/// <summary>What a command runs with: the application's services for its data folder, who runs it, and the language.</summary>
internal sealed record CliContext(IServiceProvider Services, Actor Actor, CultureInfo Culture, DataFolderLayout Layout)
{
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();
}
