using System.Text;
using System.Text.Json;
using CyclingCoach.Coaching.Rules;

namespace CyclingCoach.Bench.Coaching;

/// <summary>
/// <c>coaching-llm-overhead URL FAKE_URL [calls=150] [warmup=20]</c>: the service's own time around one LLM call.
/// Each round times <c>POST /api/coach/rules/parse</c> end to end (service → fake → service) and then the fake alone
/// with the very body the service sent it; the overhead is the difference of the two, per round (interleaved so the
/// machine's load drifts equally into both).
/// </summary>
public static class LlmOverheadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (url, fakeUrl) = (args[0], args[1]);
        var calls = args.Length > 2 ? int.Parse(args[2]) : 150;
        var warmup = args.Length > 3 ? int.Parse(args[3]) : 20;
        using var coach = new CoachClient(url);
        using var fake = new CoachClient(fakeUrl);
        await coach.WaitReadyAsync(TimeSpan.FromSeconds(120), "/health", "coachingdb", "masstransit-bus");
        var request = new RuleParseRequest(CoachingScenario.RulesText);
        var (endToEnd, fakeAlone, overhead) = (new List<double>(), new List<double>(), new List<double>());
        double? cpu = null;
        for (var i = 0; i < warmup + calls; i++)
        {
            var (body, total) = await coach.SendAsync(HttpMethod.Post, "/api/coach/rules/parse", CoachClient.Json(request));
            var engine = JsonDocument.Parse(body).RootElement.GetProperty("engine").GetString();
            if (engine != "llm")
            {
                throw new InvalidOperationException($"the parse must come from the LLM engine (the fake), not '{engine}': {body}");
            }

            var (sent, _) = await fake.SendAsync(HttpMethod.Get, "/bench/last-chat");
            var (_, alone) = await fake.SendAsync(HttpMethod.Post, "/api/v1/chat/completions", new StringContent(sent, Encoding.UTF8, "application/json"));
            if (i + 1 == warmup)
            {
                cpu = ServiceCpu.Milliseconds();
            }

            if (i >= warmup)
            {
                endToEnd.Add(total);
                fakeAlone.Add(alone);
                overhead.Add(total - alone);
            }
        }

        var e = LatencySummary.Of("POST /api/coach/rules/parse end to end (LLM engine, fake)", endToEnd);
        var f = LatencySummary.Of("fake alone, same body", fakeAlone);
        Console.WriteLine(e + ServiceCpu.PerCall(cpu, calls));
        Console.WriteLine(f);
        Console.WriteLine(LatencySummary.Of("service overhead (end to end - fake, per call)", overhead));
        Console.WriteLine($"difference of medians: {e.Median - f.Median:0.00} ms");
        return 0;
    }
}
