using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.AppHost.Tests;

/// <summary>
/// The whole system as the AppHost runs it, in steps (they share one AppHost, and the last one stops it).
/// </summary>
[TestCaseOrderer(StepOrderer.Name, StepOrderer.Assembly)]
public sealed class AppHostTests(AppHostFixture fixture) : IClassFixture<AppHostFixture>
{
    private static readonly TimeSpan TelemetryBudget = TimeSpan.FromSeconds(45);

    [Fact]
    public void Step1_every_resource_is_healthy_and_the_one_shot_initdb_finished_cleanly()
    {
        foreach (var name in AppHostFixture.Resources)
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(name, out var state), $"no state for {name}");
            Assert.Equal(KnownResourceStates.Running, state.Snapshot.State?.Text);
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, state.Snapshot.HealthStatus);
        }

        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState($"{ResourceNames.Postgres}-init", out var init));
        Assert.Equal(0, init.Snapshot.ExitCode);
        Assert.True(fixture.Listening.Count == fixture.Ports.All.Count() + 1, $"listening: {string.Join(", ", fixture.Listening.Keys)}");
    }

    [Fact]
    public void Step1b_each_service_is_its_built_executable_started_by_the_orchestrator_without_a_dotnet_run_host()
    {
        (string Project, int Port)[] services =
        [
            ("Gateway", fixture.Ports.Gateway), ("Sync", fixture.Ports.Gateway + 1), ("Coaching", fixture.Ports.Gateway + 2), ("Routes", fixture.Ports.Gateway + 3),
        ];
        foreach (var (project, port) in services)
        {
            var pid = fixture.Listening[port];
            Assert.Equal($"CyclingCoach.{project}", Path.GetFileName(CommandLine(pid)[0]));
            var parent = CommandLine(ParentOf(pid));
            Assert.False(Path.GetFileName(parent[0]) == "dotnet" && parent.Contains("run"), $"{project} runs under `{string.Join(' ', parent)}`");
        }

        static string[] CommandLine(int pid) => File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0').Split('\0');
        // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its closing parenthesis.
        static int ParentOf(int pid) => int.Parse(File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    [Fact]
    public async Task Step2_the_gateway_refuses_a_missing_key_and_accepts_the_right_one()
    {
        using var anonymous = fixture.Gateway();
        using var authorized = fixture.Gateway(AppHostFixture.ApiKey);

        using var refused = await anonymous.GetAsync("/api/workouts");
        using var accepted = await authorized.GetAsync("/api/workouts");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Step3_a_manual_ride_reaches_coaching_and_the_event_stream_and_is_one_trace_across_gateway_sync_and_coaching()
    {
        using var client = fixture.Gateway(AppHostFixture.ApiKey);
        using var events = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, events.Token);
        stream.EnsureSuccessStatusCode();
        var lines = new StreamReader(await stream.Content.ReadAsStreamAsync(events.Token));

        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/workouts/manual")
        {
            Content = JsonContent.Create(new { name = "AppHost test ride", startTime = DateTimeOffset.UtcNow.AddHours(-3), durationSeconds = 3600, distanceMeters = 30000, averagePower = 190 }),
        };
        post.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var created = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // The gateway relays the bus's WorkoutImported as "event: workout-imported" with the workout's id in the data.
        string? eventName = null;
        var seen = false;
        while (!seen && await lines.ReadLineAsync(events.Token) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                eventName = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                seen = eventName == "workout-imported" && line.Contains(id, StringComparison.Ordinal);
            }
        }

        Assert.True(seen, $"no workout-imported event for {id}");
        var listed = await Poll(async () => (await client.GetAsync($"/api/coach/workouts/{id}")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.True(listed, $"coaching does not list {id}");

        using var telemetry = new DashboardTelemetry(fixture.DashboardUrl);
        string[] crossed = [ResourceNames.Gateway, ResourceNames.Sync, ResourceNames.Coaching];
        IReadOnlyList<(string Service, string Span)> spans = [];
        await Poll(async () =>
        {
            spans = await telemetry.SpansOfTraceAsync(traceId);
            return crossed.All(service => spans.Any(s => s.Service == service));
        }, TelemetryBudget);
        Assert.True(crossed.All(service => spans.Any(s => s.Service == service)),
            $"trace {traceId} has spans from [{string.Join(", ", spans.Select(s => $"{s.Service}: {s.Span}"))}]");
    }

    [Fact]
    public async Task Step4_every_service_sends_its_logs_to_the_dashboard()
    {
        using var telemetry = new DashboardTelemetry(fixture.DashboardUrl);
        var counts = new Dictionary<string, int>();
        await Poll(async () =>
        {
            foreach (var service in AppHostFixture.Services)
            {
                counts[service] = await telemetry.LogCountAsync(service);
            }

            return counts.Values.All(c => c > 0);
        }, TelemetryBudget);

        Assert.True(counts.Values.All(c => c > 0), string.Join(", ", counts.Select(kv => $"{kv.Key}: {kv.Value}")));
    }

    [Fact]
    public async Task Step4b_stopping_postgres_and_messaging_is_clean_and_starting_them_brings_the_services_back()
    {
        // `./coach stop postgres|messaging` is this command through the Aspire CLI, `./coach start` the start one.
        var commands = fixture.App.Services.GetRequiredService<ResourceCommandService>();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        foreach (var server in new[] { ResourceNames.Postgres, ResourceNames.Messaging })
        {
            var stopped = await commands.ExecuteCommandAsync(server, KnownResourceCommands.StopCommand, cts.Token);
            Assert.True(stopped.Success, $"stop {server}: {stopped.Message}");
        }

        // A clean shutdown, not the SIGKILL that ends a smart shutdown still waiting for the services' pooled
        // connections: the control file says "shut down" (after a kill: "in production", and the next start recovers).
        var control = await Run(Path.Combine(Environment.GetEnvironmentVariable("COACH_PG_BIN") ?? "/usr/lib/postgresql/15/bin", "pg_controldata"),
            "-D", Path.Combine(fixture.Directory, "pg", "data"));
        Assert.Matches(@"Database cluster state:\s+shut down\n", control);

        foreach (var server in new[] { ResourceNames.Postgres, ResourceNames.Messaging })
        {
            var started = await commands.ExecuteCommandAsync(server, KnownResourceCommands.StartCommand, cts.Token);
            Assert.True(started.Success, $"start {server}: {started.Message}");
        }

        foreach (var resource in AppHostFixture.Resources)
        {
            await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);
        }

        // The services use both again: a ride stored by Sync reaches Coaching over the bus.
        using var client = fixture.Gateway(AppHostFixture.ApiKey);
        using var created = await client.PostAsJsonAsync("/api/workouts/manual",
            new { name = "After a restart of PostgreSQL and RabbitMQ", startTime = DateTimeOffset.UtcNow.AddHours(-5), durationSeconds = 3600, distanceMeters = 30000, averagePower = 180 }, cts.Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("id").GetString()!;
        var projected = await Poll(async () => (await client.GetAsync($"/api/coach/workouts/{id}", cts.Token)).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90));
        Assert.True(projected, $"coaching does not list {id} after the restart");
    }

    private static async Task<string> Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file}: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }

    [Fact]
    public async Task Step5_stopping_the_apphost_leaves_no_process_behind()
    {
        var pids = fixture.Listening.Values.Distinct().ToList();
        var stopwatch = Stopwatch.StartNew();
        await fixture.StopAsync();

        var gone = await Poll(async () => pids.All(p => !Listeners.IsAlive(p)) && (await Listeners.PidsByPortAsync(fixture.Ports.All)).Count == 0,
            TimeSpan.FromSeconds(60));

        var left = pids.Where(Listeners.IsAlive).Select(p => $"{p} {File.ReadAllText($"/proc/{p}/cmdline").Replace('\0', ' ')}");
        Assert.True(gone, $"still running {stopwatch.Elapsed.TotalSeconds:0} s after the stop: {string.Join("; ", left)}");
    }

    private static async Task<bool> Poll(Func<Task<bool>> condition, TimeSpan budget)
    {
        var deadline = DateTime.UtcNow + budget;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(500);
        }
    }
}
