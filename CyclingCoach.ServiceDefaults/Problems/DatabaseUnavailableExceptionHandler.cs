using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CyclingCoach.ServiceDefaults.Problems;

/// <summary>
/// A request that failed because PostgreSQL cannot be reached (down, restarting, refusing connections) once the
/// retries of the execution strategy are spent answers 503 ProblemDetails with <c>Retry-After</c>, not a 500: the
/// request was fine and will work again when the database is back, which the service notices by itself (every request
/// opens its connections anew). A database error that is not about reaching it stays a 500.
/// </summary>
public sealed class DatabaseUnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<DatabaseUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnreachable(exception))
        {
            return false;
        }

        logger.LogWarning("The database cannot be reached: {Message}", Innermost(exception).Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = ProblemTypes.Unavailable,
                Title = "Database unavailable",
                Detail = $"The database cannot be reached right now; nothing was changed. Try again in {RetryAfterSeconds} s.",
            },
            Exception = exception,
        });
    }

    /// <summary>
    /// Somewhere in the chain (the retrying strategy wraps it): a socket error, an Npgsql error marked transient, or a
    /// server saying it is shutting down or not accepting connections (SQLSTATE classes 08 and 57P).
    /// </summary>
    public static bool IsUnreachable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            switch (exception)
            {
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal):
                case NpgsqlException { IsTransient: true } and not PostgresException:
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception exception) => exception.InnerException is { } inner ? Innermost(inner) : exception;
}
