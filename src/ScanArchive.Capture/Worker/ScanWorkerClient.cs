using System.Runtime.CompilerServices;
using ScanArchive.Capture.Sane;
using ScanArchive.Core.Capture;

namespace ScanArchive.Capture.Worker;

/// <summary>
/// <see cref="IScanner"/> that runs every scan (and device listing) in a fresh worker process, so a crashing or hanging
/// SANE backend costs a <see cref="ScanException"/> and never the workstation or the pages already delivered.
/// </summary>
public sealed class ScanWorkerClient : IScanner
{
    private readonly ScanWorkerOptions options;

    /// <summary>Creates the client.</summary>
    public ScanWorkerClient(ScanWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    /// <summary>
    /// The production client: workers are this program in <c>scan-worker</c> mode, SANE configured by
    /// <see cref="SaneConfigFolder.Resolve"/> for <paramref name="dataFolder"/>.
    /// </summary>
    public static ScanWorkerClient ForThisProgram(string dataFolder, Action<string>? workerLog = null) => new(new ScanWorkerOptions
    {
        StartInfo = ScanWorkerCommand.ForThisProgram,
        SaneConfigDir = SaneConfigFolder.Resolve(dataFolder),
        WorkerLog = workerLog,
    });

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ScanDeviceInfo>> ListDevicesAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await WorkerSession.StartAsync(options, null, cancellationToken);
        using var registration = cancellationToken.Register(() => session.Kill(ScanFault.Cancelled));
        session.Send(FrameType.DevicesRequest, []);
        var frame = await session.NextFrameAsync(options.IdleTimeout, null, cancellationToken);
        return frame.Type switch
        {
            FrameType.Devices => WorkerProtocol.Deserialize<DevicesMessage>(frame.Payload).Devices,
            FrameType.Fault => throw ToException(WorkerProtocol.Deserialize<FaultMessage>(frame.Payload)),
            _ => throw new ScanException(ScanFault.WorkerCrashed, $"unexpected {frame.Type} frame"),
        };
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<CapturedPage> ScanAsync(
        ScanSettings settings,
        IProgress<ScanProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();
        var session = await WorkerSession.StartAsync(options, progress, cancellationToken);
        var finished = false;
        try
        {
            session.Send(FrameType.ScanRequest, WorkerProtocol.Serialize(new ScanRequestMessage(settings)));
            using var registration = cancellationToken.Register(session.RequestCancel);
            var delivered = 0;
            while (true)
            {
                // The caller's token is not passed: cancelling asks the worker to stop, and its answer (a Cancelled
                // fault) or the grace-period kill ends the loop, so no page is half-handled.
                var frame = await session.NextFrameAsync(options.IdleTimeout, null, CancellationToken.None);
                switch (frame.Type)
                {
                    case FrameType.Page:
                        var page = WorkerProtocol.DecodePage(frame.Payload);
                        delivered = page.Number;
                        yield return page;
                        break;
                    case FrameType.Done:
                        finished = true;
                        yield break;
                    case FrameType.Fault:
                        finished = true;
                        var fault = WorkerProtocol.Deserialize<FaultMessage>(frame.Payload);
                        throw ToException(fault, cancellationToken.IsCancellationRequested);
                    default:
                        throw new ScanException(ScanFault.WorkerCrashed, $"unexpected {frame.Type} frame", delivered + 1);
                }
            }
        }
        finally
        {
            if (!finished)
            {
                // The consumer stopped early or the worker failed: make sure it is not left scanning.
                session.Kill(ScanFault.Cancelled);
            }

            await session.DisposeAsync();
        }
    }

    private static ScanException ToException(FaultMessage fault, bool cancelledByCaller = false) =>
        cancelledByCaller && fault.Fault is ScanFault.Cancelled or ScanFault.Other
            ? new ScanException(ScanFault.Cancelled, fault.Detail, fault.PageNumber, new OperationCanceledException())
            : new ScanException(fault.Fault, fault.Detail, fault.PageNumber);
}
