using System.Collections.Concurrent;
using System.Net.Sockets;
using CyclingCoach.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace CyclingCoach.ServiceDefaults.Data;

/// <summary>
/// Npgsql's retrying strategy (a restart of a few seconds is ridden out), except while the database is already known
/// to be out of reach: an operation of an HTTP request whose first attempt is refused a connection less than
/// <see cref="KnownDownFor"/> after another operation did gives up at once, so its request answers 503 with
/// Retry-After (<see cref="DatabaseUnavailableExceptionHandler"/>) in milliseconds. Without this every request of an
/// outage held its connection for the whole retry budget (about 7 s): under load the requests piled up in the gateway
/// and the clients, and long after PostgreSQL was back the services were still working through requests whose
/// clients had given up (bench/RESULTS.md, "Issue 23: load with a fault"). The first operation to meet the outage
/// still retries, and every new request tries the database once, so the first one after PostgreSQL is back is served.
/// A pooled connection the restart broke is retried as before (a new connection is the cure).
/// </summary>
public sealed class FailFastRetryingExecutionStrategy(
    ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay, TimeSpan? knownDownFor = null)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount, maxRetryDelay, errorCodesToAdd: null)
{
    /// <summary>How long after an operation was refused a connection another one's first refusal is not retried.</summary>
    public static readonly TimeSpan KnownDownFor = TimeSpan.FromSeconds(1);

    private readonly double knownDownForMs = (knownDownFor ?? KnownDownFor).TotalMilliseconds;

    // Per server (the connection string): one process may reach more than one (tests do).
    private static readonly ConcurrentDictionary<string, long> LastUnreachable = new();

    // Set for the async flow of an HTTP request: background work (consumers, the outbox relay, jobs) keeps riding an
    // outage out with every retry — a consumer that failed fast would spend MassTransit's retries in seconds and land
    // its message in _error (seen in the fault drills).
    private static readonly AsyncLocal<bool> InRequest = new();

    /// <summary>The rest of this async flow serves a client that is waiting: fail fast there (MapDefaultEndpoints).</summary>
    public static void FailFastInThisFlow() => InRequest.Value = true;

    // From the options: the context's Database facade would resolve this strategy again (endless recursion).
    private readonly string server = RelationalOptionsExtension.Extract(dependencies.Options).ConnectionString ?? "";

    protected override bool ShouldRetryOn(Exception? exception)
    {
        if (!base.ShouldRetryOn(exception))
        {
            return false;
        }

        if (!IsRefused(exception))
        {
            return true; // a pooled connection broken by a restart, a deadlock: a retry is the cure
        }

        var now = Environment.TickCount64;
        var seenBefore = LastUnreachable.TryGetValue(server, out var last) && now - last < knownDownForMs;
        LastUnreachable[server] = now;
        // ExceptionsEncountered holds this operation's earlier failures: an operation already retrying goes on.
        return ExceptionsEncountered.Count > 0 || !seenBefore || !InRequest.Value;
    }

    /// <summary>A new connection was refused: nothing listens (down), or the server is starting or stopping
    /// (57P03 "cannot connect now").</summary>
    private static bool IsRefused(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
                or PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow })
            {
                return true;
            }
        }

        return false;
    }
}
