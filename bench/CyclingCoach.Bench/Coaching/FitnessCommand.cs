using System.Text.Json;

namespace CyclingCoach.Bench.Coaching;

/// <summary>
/// <c>coaching-fitness URL [calls=50] [warmup=5]</c>: <c>GET /api/coach/fitness</c> over the last 10 years and
/// <c>GET /api/coach/fitness/power-curve</c>, one endpoint after the other, timed end to end (the rides are inserted
/// by seed_rides.sql), with the service's CPU time per call.
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
        var (days, _) = await coach.SendAsync(HttpMethod.Get, fitnessPath);
        var (windows, _) = await coach.SendAsync(HttpMethod.Get, "/api/coach/fitness/power-curve");
        Console.WriteLine($"fitness: {Describe(days, windows)}");
        await TimeAsync(coach, "GET /api/coach/fitness, 10 years", fitnessPath, calls, warmup);
        await TimeAsync(coach, "GET /api/coach/fitness/power-curve", "/api/coach/fitness/power-curve", calls, warmup);
        return 0;
    }

    private static async Task TimeAsync(CoachClient coach, string name, string path, int calls, int warmup)
    {
        for (var i = 0; i < warmup; i++)
        {
            await coach.SendAsync(HttpMethod.Get, path);
        }

        var times = new List<double>();
        var cpu = ServiceCpu.Milliseconds();
        for (var i = 0; i < calls; i++)
        {
            times.Add((await coach.SendAsync(HttpMethod.Get, path)).Milliseconds);
        }

        Console.WriteLine(LatencySummary.Of(name, times) + ServiceCpu.PerCall(cpu, calls));
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
