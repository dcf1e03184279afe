using CyclingCoach.Sync.IntervalsIcu;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyclingCoach.Sync.Apis;

public static class IntervalsIcuApi
{
    public static IEndpointRouteBuilder MapIntervalsIcuApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sync/intervals").WithTags("intervals.icu");
        api.MapGet("/", GetConnection).WithName("GetIntervalsIcuConnection").WithSummary("Whether intervals.icu is connected (the key is never returned)");
        api.MapPut("/", PutConnection).WithName("PutIntervalsIcuConnection").WithSummary("Set the athlete id and API key (stored encrypted; wins over configuration)");
        api.MapDelete("/", DeleteConnection).WithName("DeleteIntervalsIcuConnection").WithSummary("Forget the stored credentials");
        return app;
    }

    public static async Task<Ok<IntervalsIcuConnectionResponse>> GetConnection(IntervalsIcuCredentials credentials, CancellationToken cancellationToken)
    {
        var c = await credentials.GetAsync(cancellationToken);
        return TypedResults.Ok(new IntervalsIcuConnectionResponse(c is not null, c?.AthleteId, c?.From));
    }

    public static async Task<Results<Ok<IntervalsIcuConnectionResponse>, ValidationProblem>> PutConnection(
        IntervalsIcuConnectionRequest request, IntervalsIcuCredentials credentials, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var athleteId = request.AthleteId?.Trim();
        var apiKey = request.ApiKey?.Trim();
        if (string.IsNullOrEmpty(athleteId) || athleteId.Length > 64 || !athleteId.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-'))
        {
            errors["athleteId"] = ["athleteId is required (like i12345): letters, digits, '_' or '-', at most 64."];
        }

        if (string.IsNullOrEmpty(apiKey) || apiKey.Length > 200)
        {
            errors["apiKey"] = ["apiKey is required (at most 200 characters)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await credentials.SaveAsync(athleteId!, apiKey!, cancellationToken);
        return TypedResults.Ok(new IntervalsIcuConnectionResponse(true, athleteId, "stored"));
    }

    public static async Task<NoContent> DeleteConnection(IntervalsIcuCredentials credentials, CancellationToken cancellationToken)
    {
        await credentials.DeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record IntervalsIcuConnectionRequest(string? AthleteId, string? ApiKey);

/// <summary><c>from</c>: <c>stored</c> (PUT) or <c>configuration</c> (IntervalsIcu:*); null when not connected.</summary>
public sealed record IntervalsIcuConnectionResponse(bool Connected, string? AthleteId, string? From);
