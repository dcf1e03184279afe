using System.Text.Json;

namespace CyclingCoach.Bench.Coaching;

/// <summary>
/// <c>coaching-fitness URL [calls=50] [warmup=5]</c>: <c>GET /api/coach/fitness</c> over the last 10 years and
/// <c>GET /api/coach/fitness/power-curve</c>, alternately, timed end to end (the rides are inserted by seed_rides.sql).
/// </summary>
public static class FitnessCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = args[0];
        var calls = args.Length > 1 ? int.Parse(args[1]) : 50;
        var warmup = args.Length > 2 ? int.Parse(args[2]) : 5;
        using var coach = new CoachClient(url);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var fitnessPath = $"/api/coach/fitness?from={today.AddYears(-10):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var (fitness, curve) = (new List<double>(), new List<double>());
        for (var i = 0; i < warmup + calls; i++)
        {
            var (days, fitnessMs) = await coach.SendAsync(HttpMethod.Get, fitnessPath);
            var (windows, curveMs) = await coach.SendAsync(HttpMethod.Get, "/api/coach/fitness/power-curve");
            if (i == 0)
            {
                Console.WriteLine($"fitness: {Describe(days, windows)}");
            }

            if (i >= warmup)
            {
                fitness.Add(fitnessMs);
                curve.Add(curveMs);
            }
        }

        Console.WriteLine(LatencySummary.Of("GET /api/coach/fitness, 10 years", fitness));
        Console.WriteLine(LatencySummary.Of("GET /api/coach/fitness/power-curve", curve));
        return 0;
    }

    /// <summary>What the answers hold, so a run over an empty table cannot pass for a measurement.</summary>
    private static string Describe(string fitnessJson, string curveJson)
    {
        var days = JsonDocument.Parse(fitnessJson).RootElement.GetProperty("days");
        var rideDays = days.EnumerateArray().Count(d => d.GetProperty("load").GetDouble() > 0);
        var allTime = JsonDocument.Parse(curveJson).RootElement.GetProperty("windows").EnumerateArray().Last().GetProperty("points").GetArrayLength();
        if (days.GetArrayLength() < 3650 || rideDays < 2000 || allTime == 0)
        {
            throw new InvalidOperationException($"expected 10 years of rides: {days.GetArrayLength()} days, {rideDays} with load, {allTime} all-time curve points");
        }

        return $"{days.GetArrayLength()} days, {rideDays} with load, last CTL {days[days.GetArrayLength() - 1].GetProperty("ctl").GetDouble():0.0}; " +
               $"all-time power curve {allTime} points, {fitnessJson.Length / 1024} KB + {curveJson.Length / 1024} KB of JSON";
    }
}
