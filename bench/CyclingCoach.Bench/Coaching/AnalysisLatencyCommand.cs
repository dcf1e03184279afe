using System.Collections.Concurrent;
using System.Diagnostics;
using CyclingCoach.Contracts;
using MassTransit;

namespace CyclingCoach.Bench.Coaching;

/// <summary>
/// <c>coaching-analysis-latency URL AMQP_URI [rides=50] [interval-ms=200] [poll-ms=20] [warmup=3]</c>: publishes
/// <see cref="WorkoutImported"/> as Sync would, one every interval, and times each ride from publish to (a) its
/// analysis reading <c>ready</c> through <c>GET /api/coach/analyses?workoutId=…</c> (polled) and (b)
/// <see cref="AnalysisCompleted"/> arriving on a temporary queue (what the gateway relays to the web app). The first
/// rides after a start pay for JIT; they go one at a time before the measured ones and are printed on their own.
/// </summary>
public static class AnalysisLatencyCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (url, amqp) = (args[0], args[1]);
        var rides = args.Length > 2 ? int.Parse(args[2]) : 50;
        var interval = TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3]) : 200);
        var poll = TimeSpan.FromMilliseconds(args.Length > 4 ? int.Parse(args[4]) : 20);
        var warmup = args.Length > 5 ? int.Parse(args[5]) : 3;
        using var coach = new CoachClient(url);
        await coach.WaitReadyAsync(TimeSpan.FromSeconds(120), "/health", "coachingdb", "masstransit-bus");

        var published = new ConcurrentDictionary<Guid, long>();
        var eventTimes = new ConcurrentDictionary<Guid, double>();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(amqp));
            cfg.ReceiveEndpoint($"bench-analysis-completed-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<AnalysisCompleted>(context =>
                {
                    if (published.TryGetValue(context.Message.WorkoutId, out var at))
                    {
                        eventTimes.TryAdd(context.Message.WorkoutId, Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                    }

                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        try
        {
            var random = new Random(8);
            var now = DateTimeOffset.UtcNow;
            var cold = new List<double>();
            for (var i = 0; i < warmup; i++)
            {
                var ride = Ride(random, now.AddMinutes(-5 * (rides + warmup - i)), -1 - i);
                var at = Stopwatch.GetTimestamp();
                await bus.Publish(ride);
                cold.Add(await ReadyAsync(coach, ride.WorkoutId, at, poll));
            }

            Console.WriteLine($"warm-up rides, one at a time after the start: {string.Join(", ", cold.Select(ms => $"{ms:0} ms"))}");
            var cpu = ServiceCpu.Milliseconds();
            var started = Stopwatch.GetTimestamp();
            var polls = new List<Task<double>>();
            for (var i = 0; i < rides; i++)
            {
                var due = interval * i - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                var ride = Ride(random, now.AddMinutes(-5 * (rides - i)), i);
                published[ride.WorkoutId] = Stopwatch.GetTimestamp();
                await bus.Publish(ride);
                polls.Add(ReadyAsync(coach, ride.WorkoutId, published[ride.WorkoutId], poll));
            }

            var ready = await Task.WhenAll(polls);
            var cpuPerRide = ServiceCpu.PerCall(cpu, rides).Replace("per call", "per ride (incl. the polling)");
            var until = DateTime.UtcNow.AddSeconds(10);
            while (eventTimes.Count < rides && DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }

            Console.WriteLine(LatencySummary.Of($"analysis ready via API (poll {poll.TotalMilliseconds:0} ms), {rides} rides every {interval.TotalMilliseconds:0} ms", ready) + cpuPerRide);
            if (eventTimes.Count < rides)
            {
                Console.WriteLine($"WARNING: AnalysisCompleted arrived for {eventTimes.Count} of {rides} rides");
            }

            Console.WriteLine(LatencySummary.Of("AnalysisCompleted received", eventTimes.Values.ToList()));
            return 0;
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private static async Task<double> ReadyAsync(CoachClient coach, Guid workoutId, long publishedAt, TimeSpan poll)
    {
        var deadline = TimeSpan.FromSeconds(120);
        while (Stopwatch.GetElapsedTime(publishedAt) < deadline)
        {
            var items = (await coach.GetJsonAsync($"/api/coach/analyses?workoutId={workoutId}")).GetProperty("items");
            var status = items.GetArrayLength() > 0 ? items[0].GetProperty("status").GetString() : null;
            if (status is "ready" or "approved" or "partially_approved" or "rejected")
            {
                return Stopwatch.GetElapsedTime(publishedAt).TotalMilliseconds;
            }

            if (status == "failed")
            {
                throw new InvalidOperationException($"analysis of {workoutId} failed: {items[0]}");
            }

            await Task.Delay(poll);
        }

        throw new TimeoutException($"no completed analysis for {workoutId} after {deadline}");
    }

    /// <summary>An hour-ish ride at 260 W FTP as Sync would announce it: power, heart rate, TSS, mean-max and zones.</summary>
    private static WorkoutImported Ride(Random random, DateTimeOffset start, int index)
    {
        var seconds = 2700 + random.Next(0, 3600);
        var np = 170 + random.NextDouble() * 80;
        var intensity = np / 260;
        var tss = seconds * np * intensity / (260 * 3600) * 100;
        double[] meanMaxSeconds = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];
        var meanMax = meanMaxSeconds.Where(d => d <= seconds)
            .Select(d => new MeanMaxPoint((int)d, Math.Round(np * (1 + 2.6 / Math.Pow(d, 0.45)), 1))).ToList();
        meanMax.Add(new MeanMaxPoint(seconds, Math.Round(np * 0.93, 1)));
        var zoneShares = new[] { 0.15, 0.35, 0.2, 0.15, 0.1, 0.04, 0.01 };
        var hrShares = new[] { 0.2, 0.4, 0.25, 0.12, 0.03 };
        return new WorkoutImported(
            Guid.NewGuid(), WorkoutSource.Garmin, $"bench-{Guid.NewGuid():N}", index < 0 ? $"Bench warm-up ride {-index}" : $"Bench ride {index + 1}", "cycling", start,
            seconds, seconds * (8 + random.NextDouble() * 2), Math.Round(np * 0.92, 1), 135 + random.Next(0, 20),
            new WorkoutMetrics(
                Math.Round(np, 1), Math.Round(intensity, 3), Math.Round(tss, 1), null, Math.Round(np * 0.92 * seconds / 1000, 1), 300 + random.Next(0, 900),
                260, 170, Math.Round(tss, 1), "power", meanMax,
                zoneShares.Select(s => Math.Round(s * seconds)).ToList(), hrShares.Select(s => Math.Round(s * seconds)).ToList()));
    }
}
