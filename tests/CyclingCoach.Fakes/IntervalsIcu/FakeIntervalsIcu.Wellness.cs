using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CyclingCoach.Fakes.IntervalsIcu;

/// <summary>
/// <c>GET /api/v1/athlete/{id}/wellness?oldest&amp;newest</c> as intervals.icu answers it: one record per day it has,
/// <c>id</c> the date, every field present and most of them null; a day with only the fitness model (ctl/atl, no
/// wellness) is listed too. <see cref="RateLimitWellnessNext"/> makes the next wellness requests 429 with Retry-After.
/// </summary>
public sealed partial class FakeIntervalsIcu
{
    /// <summary>One day; all-null wellness leaves only ctl/atl in the record.</summary>
    public sealed record WellnessDay(double? Hrv = null, int? SleepSecs = null, int? SleepScore = null, int? RestingHr = null, int? Readiness = null, int? Stress = null);

    public ConcurrentDictionary<DateOnly, WellnessDay> Wellness { get; } = new();

    private int wellnessRateLimitNext;
    private int wellnessRequests;

    public int WellnessRequests => Volatile.Read(ref wellnessRequests);

    public void RateLimitWellnessNext(int count) => Interlocked.Exchange(ref wellnessRateLimitNext, count);

    private IResult WellnessList(HttpContext context, string athleteId, string? oldest, string? newest)
    {
        Interlocked.Increment(ref wellnessRequests);
        if (Gate(context, athleteId) is { } refused)
        {
            return refused;
        }

        if (Volatile.Read(ref wellnessRateLimitNext) > 0 && Interlocked.Decrement(ref wellnessRateLimitNext) >= 0)
        {
            context.Response.Headers.RetryAfter = "1";
            return Results.Json(new { status = 429, error = "Too Many Requests" }, statusCode: 429);
        }

        if (!DateOnly.TryParseExact(oldest, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(newest, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return Results.Json(new { status = 422, error = "oldest and newest are required (yyyy-MM-dd)" }, statusCode: 422);
        }

        var records = Wellness.Where(d => d.Key >= from && d.Key <= to).OrderBy(d => d.Key).Select(d => new Dictionary<string, object?>
        {
            ["id"] = d.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["ctl"] = 52.3,
            ["atl"] = 61.8,
            ["rampRate"] = 1.2,
            ["ctlLoad"] = 55.0,
            ["atlLoad"] = 55.0,
            ["sportInfo"] = new[] { new { type = "Ride", eftp = 251.0, wPrime = 18500.0, pMax = 980.0 } },
            ["updated"] = "2026-11-30T06:12:44.123+00:00",
            ["weight"] = null,
            ["restingHR"] = d.Value.RestingHr,
            ["hrv"] = d.Value.Hrv,
            ["hrvSDNN"] = null,
            ["menstrualPhase"] = null,
            ["kcalConsumed"] = null,
            ["sleepSecs"] = d.Value.SleepSecs,
            ["sleepScore"] = d.Value.SleepScore,
            ["sleepQuality"] = null,
            ["avgSleepingHR"] = null,
            ["soreness"] = null,
            ["fatigue"] = null,
            ["stress"] = d.Value.Stress,
            ["mood"] = null,
            ["motivation"] = null,
            ["injury"] = null,
            ["spO2"] = null,
            ["readiness"] = d.Value.Readiness,
            ["steps"] = null,
            ["respiration"] = null,
            ["comments"] = null,
            ["locked"] = null,
        });
        return Results.Json(records.ToList());
    }
}
