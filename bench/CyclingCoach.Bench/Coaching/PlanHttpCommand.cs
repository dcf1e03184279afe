using System.Text.Json;
using CyclingCoach.Coaching.Plans;

namespace CyclingCoach.Bench.Coaching;

/// <summary>
/// <c>coaching-plan-http NAME URL API_KEY|- [calls=30] [warmup=5]</c>: <c>POST /api/coach/plans/generate</c> for the
/// scenario, one at a time (each stores a new plan version), timed end to end by the client.
/// </summary>
public static class PlanHttpCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (name, url, key) = (args[0], args[1], args[2] == "-" ? null : args[2]);
        var calls = args.Length > 3 ? int.Parse(args[3]) : 30;
        var warmup = args.Length > 4 ? int.Parse(args[4]) : 5;
        using var coach = new CoachClient(url, key);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var request = new PlanGenerateRequest(CoachingScenario.Goals, PlanGenerateRequest.NextMonday(today), 4);
        var times = new List<double>();
        double? cpu = null;
        for (var i = 0; i < warmup + calls; i++)
        {
            var (body, ms) = await coach.SendAsync(HttpMethod.Post, "/api/coach/plans/generate", CoachClient.Json(request));
            var weeks = JsonDocument.Parse(body).RootElement.GetProperty("plan").GetProperty("weeks").GetArrayLength();
            if (weeks != 4)
            {
                throw new InvalidOperationException($"expected a 4-week plan, got {weeks} weeks: {body[..Math.Min(400, body.Length)]}");
            }

            if (i + 1 == warmup)
            {
                cpu = ServiceCpu.Milliseconds();
            }

            if (i >= warmup)
            {
                times.Add(ms);
            }
        }

        Console.WriteLine(LatencySummary.Of(name, times) + ServiceCpu.PerCall(cpu, calls));
        return 0;
    }
}
