using System.Collections.Concurrent;

namespace CyclingCoach.SystemTests;

/// <summary>Reads <c>/api/events</c> in the background and keeps every (event, data) pair it sees.</summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpClient client = Stack.Client(Stack.ApiKey);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<(string Event, string Data)> received = new();
    private Task? reader;

    public IReadOnlyCollection<(string Event, string Data)> Received => received;

    public static async Task<EventStream> OpenAsync()
    {
        var stream = new EventStream();
        var ready = new TaskCompletionSource();
        stream.reader = stream.ReadAsync(ready);
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return stream;
    }

    private async Task ReadAsync(TaskCompletionSource ready)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
        using var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, stop.Token);
        response.EnsureSuccessStatusCode();
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
        string? type = null;
        while (!stop.IsCancellationRequested && await lines.ReadLineAsync(stop.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type is not null)
            {
                received.Enqueue((type, line[6..]));
                if (type == "ready")
                {
                    ready.TrySetResult();
                }
            }
        }
    }

    public async Task<bool> WaitForAsync(string eventType, string contains, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (received.Any(e => e.Event == eventType && e.Data.Contains(contains, StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            if (reader is not null)
            {
                await reader;
            }
        }
        catch (OperationCanceledException)
        {
        }

        client.Dispose();
        stop.Dispose();
    }
}
