using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyclingCoach.ServiceDefaults.Messaging;

public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// Publishes committed outbox rows in order and retries until each is published (the re-sender eShop lacks). Rows
/// are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several replicas never publish the same row at the same time;
/// a crash between publish and commit re-sends with the same MessageId, which consumers deduplicate. Rows that failed
/// while the broker was away back off (up to <see cref="OutboxOptions.MaxBackoff"/>); when the bus is back (a receive
/// endpoint ready again after a reconnect) their backoff is dropped and the relay woken, so they leave at once instead
/// of up to a minute later (bench/RESULTS.md, "Issue 23: fault drills").
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private static readonly ActivitySource Source = new(Extensions.ActivitySourceName);
    private DateTime nextCleanup = DateTime.MinValue;
    private int busReady;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var observer = bus.ConnectReceiveEndpointObserver(new BusReadyObserver(() =>
        {
            Interlocked.Exchange(ref busReady, 1);
            signal.Notify();
        }));
        while (!stoppingToken.IsCancellationRequested)
        {
            var fullBatch = false;
            try
            {
                if (Interlocked.Exchange(ref busReady, 0) == 1)
                {
                    try
                    {
                        await RetryNowAsync(stoppingToken);
                    }
                    catch
                    {
                        Interlocked.Exchange(ref busReady, 1); // the database was away too: again on the next pass
                        throw;
                    }
                }

                fullBatch = await PublishBatchAsync(settings, stoppingToken) == settings.BatchSize;
                await CleanupAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Outbox relay pass failed; retrying");
            }

            if (!fullBatch)
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Publishes one batch of due rows; returns how many rows it claimed.</summary>
    public async Task<int> PublishBatchAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.Set<OutboxMessage>()
                .FromSql($"SELECT * FROM outbox_messages WHERE published_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now()) ORDER BY created_at, id LIMIT {settings.BatchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);

            foreach (var message in batch)
            {
                if (await TryPublishAsync(message, settings, ct) == PublishOutcome.BrokerFailed)
                {
                    break; // keep order while the broker is failing: later rows wait for this one
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return batch.Count;
        }, cancellationToken);
    }

    /// <summary>Makes every unpublished row due now (an unreadable one too: it fails once more and backs off again).</summary>
    private async Task RetryNowAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var waiting = await db.Set<OutboxMessage>()
            .Where(m => m.PublishedAt == null && m.NextAttemptAt != null)
            .ExecuteUpdateAsync(rows => rows.SetProperty(m => m.NextAttemptAt, (DateTime?)null), cancellationToken);
        if (waiting > 0)
        {
            logger.LogInformation("The bus is connected again: {Count} outbox message(s) retried now instead of after their backoff", waiting);
        }
    }

    private sealed class BusReadyObserver(Action onReady) : IReceiveEndpointObserver
    {
        public Task Ready(ReceiveEndpointReady ready)
        {
            onReady();
            return Task.CompletedTask;
        }

        public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

        public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

        public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
    }

    private enum PublishOutcome { Published, BrokerFailed, Unreadable }

    private async Task<PublishOutcome> TryPublishAsync(OutboxMessage message, OutboxOptions settings, CancellationToken cancellationToken)
    {
        var parent = ActivityContext.TryParse(message.TraceParent, null, out var context) ? context : default;
        using var activity = Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.Id);

        object payload;
        Type type;
        try
        {
            type = Type.GetType(message.MessageType, throwOnError: true)!;
            payload = JsonSerializer.Deserialize(message.Payload, type, OutboxDbContextExtensions.PayloadOptions)!;
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or JsonException or NotSupportedException or ArgumentException)
        {
            // Unreadable (e.g. written by a newer version): keep it, retry slowly, never block the rows behind it.
            Fail(message, settings, $"cannot read {message.MessageType}: {e.Message}");
            return PublishOutcome.Unreadable;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.PublishTimeout);
            await bus.Publish(payload, type, Pipe.Execute<PublishContext>(publish => publish.MessageId = message.Id), timeout.Token);
            message.PublishedAt = DateTime.UtcNow;
            message.LastError = null;
            return PublishOutcome.Published;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Fail(message, settings, e.Message);
            return PublishOutcome.BrokerFailed;
        }
    }

    private void Fail(OutboxMessage message, OutboxOptions settings, string error)
    {
        message.Attempts++;
        message.LastError = error.Length > 2000 ? error[..2000] : error;
        var backoff = TimeSpan.FromMilliseconds(Math.Min(settings.MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(message.Attempts, 20))));
        message.NextAttemptAt = DateTime.UtcNow + backoff;
        logger.LogWarning("Publishing outbox message {MessageId} ({Type}) failed (attempt {Attempts}); next try in {Backoff}: {Error}",
            message.Id, message.MessageType, message.Attempts, backoff, message.LastError);
    }

    private async Task CleanupAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow < nextCleanup)
        {
            return;
        }

        nextCleanup = DateTime.UtcNow.AddHours(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = DateTime.UtcNow - settings.Retention;
        await db.Set<OutboxMessage>().Where(m => m.PublishedAt != null && m.PublishedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ProcessedMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
