using System.Globalization;
using CyclingCoach.ServiceDefaults.Problems;
using CyclingCoach.Sync.Garmin.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyclingCoach.Sync.Garmin.Api;

/// <summary>Garmin failures as ProblemDetails with stable types; details never carry secrets.</summary>
internal static class GarminProblems
{
    public static ProblemHttpResult From(HttpContext context, Exception exception, string field) => exception switch
    {
        GarminTokenFormatException format => Invalid(format.Field, format.Message),
        GarminRejectedException rejected => Invalid(field, rejected.Message),
        GarminCooldownException cooldown => Cooldown(context, cooldown),
        GarminNotConnectedException or GarminReauthRequiredException => TypedResults.Problem(
            exception.Message, statusCode: 409, title: "Garmin is not connected", type: ProblemTypes.Conflict),
        GarminUpstreamException upstream => TypedResults.Problem(
            upstream.Message, statusCode: 502, title: "Garmin failed", type: ProblemTypes.Unavailable),
        _ => throw exception,
    };

    public static ProblemHttpResult Invalid(string field, string message) => TypedResults.Problem(
        message,
        statusCode: 400,
        title: "Garmin connection rejected",
        type: ProblemTypes.Validation,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    private static ProblemHttpResult Cooldown(HttpContext context, GarminCooldownException cooldown)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((cooldown.Until - DateTimeOffset.UtcNow).TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            cooldown.Message,
            statusCode: 429,
            title: "Garmin is cooling down",
            type: ProblemTypes.TooManyAttempts,
            extensions: new Dictionary<string, object?> { ["cooldownUntil"] = cooldown.Until, ["scope"] = cooldown.Scope });
    }
}
