using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using CyclingCoach.Sync.Sources;

namespace CyclingCoach.Sync.Runs;

/// <summary>
/// Lists a run's window and downloads the originals (else the source's streams) a few activities ahead of the importer (one downloader task, a
/// bounded channel), so downloading overlaps importing while the import itself stays sequential. The source comes from
/// its own DI scope: it must not share the importer's DbContext. Activities already known when the run starts are passed
/// on without a download; the importer still decides. A download failure travels with its activity; a listing failure
/// or cancellation ends the sequence after the activities listed before it, rethrown as it was.
/// </summary>
public static class DownloadAhead
{
    public const int Depth = 4;

    public sealed record Item(SourceActivity Activity, SourceFile? File, SourceStreams? Streams, ExceptionDispatchInfo? Error, bool Downloaded);

    /// <summary>The original; only when there is none, the source's own streams.</summary>
    public static async Task<(SourceFile? File, SourceStreams? Streams)> DownloadAsync(IActivitySource source, SourceActivity activity, CancellationToken cancellationToken)
    {
        var file = await source.DownloadOriginalAsync(activity, cancellationToken);
        return (file, file is null ? await source.DownloadStreamsAsync(activity, cancellationToken) : null);
    }

    public static async IAsyncEnumerable<Item> ReadAsync(
        IActivitySource source,
        DateTimeOffset from,
        DateTimeOffset to,
        Func<SourceActivity, bool> wanted,
        IReadOnlySet<string> known,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(Depth) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(source, from, to, wanted, known, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }

            await producer; // a listing failure, as thrown by the source
        }
        finally
        {
            await StopAsync(stop, producer);
        }
    }

    private static async Task ProduceAsync(
        IActivitySource source, DateTimeOffset from, DateTimeOffset to, Func<SourceActivity, bool> wanted, IReadOnlySet<string> known,
        ChannelWriter<Item> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var activity in source.ListActivitiesAsync(from, to, cancellationToken))
            {
                if (!wanted(activity))
                {
                    continue;
                }

                Item item;
                if (known.Contains(activity.SourceActivityId))
                {
                    item = new Item(activity, null, null, null, Downloaded: false);
                }
                else
                {
                    try
                    {
                        var (file, streams) = await DownloadAsync(source, activity, cancellationToken);
                        item = new Item(activity, file, streams, null, Downloaded: true);
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                    {
                        item = new Item(activity, null, null, ExceptionDispatchInfo.Capture(e), Downloaded: true);
                    }
                }

                await writer.WriteAsync(item, cancellationToken);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task producer)
    {
        await stop.CancelAsync();
        try
        {
            await producer;
        }
        catch (Exception)
        {
            // Already rethrown to the reader, or a consequence of stopping early.
        }
    }
}
