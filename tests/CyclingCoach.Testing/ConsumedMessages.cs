using System.Collections.Concurrent;
using MassTransit;

namespace CyclingCoach.Testing;

/// <summary>Counts, per MessageId, the deliveries the service's consumers finished (and the ones that faulted).</summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> completed = new();
    private readonly ConcurrentDictionary<Guid, string> faults = new();

    public int Completed(Guid messageId) => completed.GetValueOrDefault(messageId);

    public string? Fault(Guid messageId) => faults.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            completed.AddOrUpdate(id, 1, (_, count) => count + 1);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (context.MessageId is { } id)
        {
            faults[id] = exception.Message;
        }

        return Task.CompletedTask;
    }
}
