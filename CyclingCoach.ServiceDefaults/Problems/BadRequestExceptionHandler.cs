using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CyclingCoach.ServiceDefaults.Problems;

/// <summary>
/// Turns request-binding failures into ProblemDetails: malformed JSON or a wrong type → 400 with an <c>errors</c> map
/// keyed by the JSON path of the field (<c>durationSeconds</c>), an oversized body → 413, a wrong media type → 415.
/// Nothing was stored: these fail before any handler runs.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var problem = badRequest.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => new ProblemDetails
            {
                Status = 413, Type = ProblemTypes.TooLarge, Title = "Request body too large", Detail = badRequest.Message,
            },
            StatusCodes.Status415UnsupportedMediaType => new ProblemDetails
            {
                Status = 415, Type = ProblemTypes.UnsupportedMediaType, Title = "Unsupported media type", Detail = badRequest.Message,
            },
            _ => MalformedBody(badRequest),
        };

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails MalformedBody(BadHttpRequestException exception)
    {
        var json = FindJsonException(exception);
        if (json is null)
        {
            return new ProblemDetails
            {
                Status = 400, Type = ProblemTypes.MalformedBody, Title = "Malformed request", Detail = exception.Message,
            };
        }

        // A syntax error (truncated, not JSON) wraps the reader's own JsonException; a wrong type does not.
        var syntaxError = json.InnerException is JsonException;
        var field = syntaxError ? null : FieldName(json.Path);
        var detail = field is null
            ? $"The request body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine})."
            : $"The field '{field}' has a value of the wrong type or format.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field ?? "body"] = [detail] })
        {
            Status = 400, Type = ProblemTypes.MalformedBody, Title = "Malformed request body", Detail = detail,
        };
    }

    private static JsonException? FindJsonException(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary><c>$.durationSeconds</c> → <c>durationSeconds</c>; <c>$</c> or no path → null (the body itself).</summary>
    private static string? FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return name.Length == 0 ? null : name;
    }
}
