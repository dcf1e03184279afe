using System.Collections.Concurrent;
using CyclingCoach.Coaching.Ai;
using Microsoft.Extensions.Logging;

namespace CyclingCoach.Coaching.Tests.Ai;

public sealed class InMemoryAiCallLog : IAiCallLog
{
    private readonly ConcurrentQueue<AiCallRecord> records = new();

    public IReadOnlyList<AiCallRecord> Records => records.ToList();

    public Task RecordAsync(AiCallRecord record, CancellationToken cancellationToken)
    {
        records.Enqueue(record);
        return Task.CompletedTask;
    }
}

public sealed class InMemoryPromptSource : IPromptSource
{
    public Dictionary<(AiAction, string), PromptTemplate> Prompts { get; } = [];

    public Task<PromptTemplate?> GetActiveAsync(AiAction action, string model, CancellationToken cancellationToken) =>
        Task.FromResult(Prompts.GetValueOrDefault((action, model)));
}

/// <summary>Keeps every log entry at Warning and above.</summary>
public sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
