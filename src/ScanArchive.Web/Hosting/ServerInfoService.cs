using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ScanArchive.Application;
using ScanArchive.Application.Accounts;

namespace ScanArchive.Web.Hosting;

/// <summary>
/// Announces the running server: writes <see cref="DataFolderLayout.ServerInfo"/> (so commands can find it), prints
/// the address and, on a workstation without accounts, the one-time setup link; removes the file on a clean stop.
/// </summary>
internal sealed class ServerInfoService(
    IHostApplicationLifetime lifetime,
    IServer server,
    DataFolderLayout layout,
    AccountService accounts,
    TimeProvider clock,
    ILogger<ServerInfoService> logger) : IHostedService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private bool _written;

    /// <summary>The first address the server listens on (known once it has started).</summary>
    public string? Url { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_written)
        {
            try
            {
                File.Delete(layout.ServerInfo);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Cannot remove {File}", layout.ServerInfo);
            }
        }

        return Task.CompletedTask;
    }

    private void Announce()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Url = addresses.FirstOrDefault()?.TrimEnd('/');
        if (Url is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(layout.Root);
            var info = new { url = Url, pid = Environment.ProcessId, startedAt = clock.GetUtcNow() };
            var temporary = layout.ServerInfo + ".part";
            File.WriteAllText(temporary, JsonSerializer.Serialize(info, Json));
            File.Move(temporary, layout.ServerInfo, overwrite: true);
            _written = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Cannot write {File}", layout.ServerInfo);
        }

        Console.WriteLine($"ScanArchive workstation: {Url}  (data: {layout.Root})");
        if (accounts.SetupRequired)
        {
            Console.WriteLine($"No account yet. Open this link once to create the administrator / 首次使用，请打开此链接创建管理员：");
            Console.WriteLine($"  {Url}/setup?code={accounts.SetupCode}");
        }

        Console.WriteLine("Press Ctrl+C to stop. / 按 Ctrl+C 停止。");
    }
}
