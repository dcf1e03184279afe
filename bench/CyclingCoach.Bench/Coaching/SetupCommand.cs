using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Plans;
using CyclingCoach.Coaching.Rules;

namespace CyclingCoach.Bench.Coaching;

/// <summary>
/// <c>coaching-setup URL</c>: the scenario's athlete, its rules (saved as given, so no parser is needed) and a
/// 4-week plan that covers today, so analyses have a planned session to compare against.
/// </summary>
public static class SetupCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var coach = new CoachClient(args[0]);
        await coach.WaitReadyAsync(TimeSpan.FromSeconds(120), "/health", "coachingdb", "masstransit-bus");
        var athlete = CoachingScenario.Athlete;
        await coach.SendAsync(HttpMethod.Put, "/api/coach/athlete", CoachClient.Json(new AthleteUpdateRequest(
            new DateOnly(2010, 1, 1), athlete.FtpWatts, athlete.WeightKg, athlete.LactateThresholdHeartRateBpm, athlete.MaxHeartRateBpm,
            athlete.RestingHeartRateBpm, Bike: null, new WeeklyAvailability(0, 2, 2, 2, 0, 3.5, 3))));
        await coach.SendAsync(HttpMethod.Post, "/api/coach/rules", CoachClient.Json(new RuleSetSaveRequest(CoachingScenario.RulesText, "bench", CoachingScenario.Rules)));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var (_, ms) = await coach.SendAsync(HttpMethod.Post, "/api/coach/plans/generate",
            CoachClient.Json(new PlanGenerateRequest(CoachingScenario.Goals, thisMonday, 4)));
        Console.WriteLine($"setup: athlete, rules and a plan from {thisMonday:yyyy-MM-dd} (first generate {ms:0} ms, cold)");
        return 0;
    }
}
