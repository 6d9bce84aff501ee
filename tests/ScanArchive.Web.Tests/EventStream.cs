using System.Text.Json;

namespace ScanArchive.Web.Tests;

/// <summary>
/// Reads <c>GET /api/batches/{name}/events</c> (server-sent events) in the background, so that a test can start a
/// run, then wait for the events it expects with a bounded timeout.
/// </summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<BatchEventSeen> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reading = Task.CompletedTask;
    private Exception? _failure;

    private EventStream(HttpClient client) => _client = client;

    /// <summary>Every event read so far, in order (the first is where the batch stood when the stream opened).</summary>
    public IReadOnlyList<BatchEventSeen> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Opens the stream of <paramref name="batch"/> with <paramref name="client"/> (disposed with the stream) and reads its first event.</summary>
    public static async Task<EventStream> OpenAsync(HttpClient client, string batch)
    {
        var stream = new EventStream(client);
        var response = await client.GetAsync($"api/batches/{Uri.EscapeDataString(batch)}/events", HttpCompletionOption.ResponseHeadersRead, stream._stop.Token);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStreamAsync(stream._stop.Token);
        stream._reading = Task.Run(() => stream.ReadAsync(response, body));

        // The stream always starts with where the batch stands: once it is here, the server is watching for us.
        await stream.WaitForAsync(_ => true, TimeSpan.FromSeconds(30), "the first event", skipInitial: false);
        return stream;
    }

    /// <summary>
    /// Waits until an event matching <paramref name="match"/> has been read; fails after <paramref name="timeout"/>.
    /// The stream's first event (where the batch stood when it was opened, possibly the end of an earlier run) is
    /// skipped unless <paramref name="skipInitial"/> is false.
    /// </summary>
    public async Task<BatchEventSeen> WaitForAsync(Func<BatchEventSeen, bool> match, TimeSpan timeout, string what, bool skipInitial = true)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_events)
            {
                if (_events.Skip(skipInitial ? 1 : 0).FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                if (_failure is not null)
                {
                    Assert.Fail($"The event stream ended before {what}: {_failure.Message}. Events: {Describe()}");
                }

                changed = _changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(changed, Task.Delay(left)) != changed)
            {
                Assert.Fail($"No {what} within {timeout.TotalSeconds} s. Events: {Describe()}");
            }
        }
    }

    /// <summary>The events read so far as one line (for failure messages).</summary>
    public string Describe() => string.Join(" | ", Events.Select(e => $"{e.Kind}:{e.State}:{e.Message}"));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // Closing the stream ends the read.
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync(HttpResponseMessage response, Stream body)
    {
        try
        {
            using (response)
            using (var reader = new StreamReader(body))
            {
                string? kind = null;
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                    {
                        kind = line["event: ".Length..];
                    }
                    else if (line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        var data = JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
                        Add(new BatchEventSeen(kind ?? data.GetProperty("kind").GetString()!, data));
                        kind = null;
                    }
                }
            }

            Fail(new EndOfStreamException("the server closed the stream"));
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
    }

    private void Add(BatchEventSeen e)
    {
        lock (_events)
        {
            _events.Add(e);
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.SetResult();
        }
    }

    private void Fail(Exception ex)
    {
        lock (_events)
        {
            _failure = ex;
            _changed.TrySetResult();
        }
    }
}
