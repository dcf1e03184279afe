using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyclingCoach.Contracts;
using CyclingCoach.Fakes.Garmin;
using CyclingCoach.Fakes.IntervalsIcu;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Testing;
using static CyclingCoach.Sync.Tests.PlanPush.PlanPushSessions;

namespace CyclingCoach.Sync.Tests.PlanPush;

/// <summary>
/// The active plan on the fake intervals.icu and Garmin calendars through real PostgreSQL and RabbitMQ: plan versions
/// arrive as <see cref="PlanVersionCreated"/> (what Coaching publishes on generate, approval, undo and regenerate),
/// and after each the calendars hold exactly the plan's sessions from yesterday on, next to the rider's own events.
/// </summary>
public sealed class PlanPushTests
{
    [Fact]
    public async Task Publish_change_one_undo_and_regenerate_leave_exactly_the_current_plan_and_the_riders_own_events()
    {
        await using var intervals = await FakeIntervalsIcu.StartAsync();
        await using var garmin = await FakeGarmin.StartAsync(activityCount: 0);
        var riderEvent = intervals.AddRiderEvent(Today.AddDays(2), "Club ride");
        var riderWorkout = garmin.AddRiderWorkout(Today.AddDays(3), "My own sweet spot");
        await using var sync = await StartAsync("syncpush", intervals, garmin);
        await sync.DeliverAsync(new AthleteProfileChanged(1, 250, 70, null, null, null, DateTimeOffset.UtcNow), Guid.NewGuid());

        var v1 = Version(1, [Endurance(-3, "Past ride"), Endurance(0), Vo2(1), Endurance(2, "Long endurance", 180), Vo2(4), Endurance(5)]);
        await sync.DeliverAsync(v1, Guid.NewGuid());
        var off = await StatusAsync(sync.Client);
        Assert.All(off.GetProperty("targets").EnumerateArray(), t => Assert.False(t.GetProperty("enabled").GetBoolean())); // opt-in
        Assert.All(off.GetProperty("sessions").EnumerateArray(), s => Assert.Empty(s.GetProperty("statuses").EnumerateArray()));
        Assert.Equal(0, intervals.EventWrites);
        Assert.Single(garmin.Calendar);

        await EnableAsync(sync.Client, "intervals_icu", true);
        await EnableAsync(sync.Client, "garmin", true);
        await SettledAsync(sync.Client);
        AssertCalendarsHold(v1, intervals, garmin, riderEvent, riderWorkout);
        var vo2 = garmin.Calendar.First(e => e.Name == "VO2max 5x3").Workout;
        var repeat = vo2["workoutSegments"]![0]!["workoutSteps"]![1]!;
        Assert.Equal(5, (int)repeat["numberOfIterations"]!);
        Assert.Equal(281, (int)repeat["workoutSteps"]![0]!["targetValueOne"]!); // 115 % − 2.5 % of 250 W
        Assert.Equal(294, (int)repeat["workoutSteps"]![0]!["targetValueTwo"]!);
        Assert.Contains("Main set 5x", (string)intervals.Events.First(e => (string?)e["name"] == "VO2max 5x3")["description"]!);
        var idsBefore = OurEvents(intervals).ToDictionary(e => (string)e["external_id"]!, e => (long)e["id"]!);
        var workoutsBefore = garmin.Calendar.Where(e => e.WorkoutId != riderWorkout).ToDictionary(e => e.Date + e.Name, e => e.WorkoutId);
        var writesBefore = intervals.EventWrites;

        // An approved suggestion changes one session: one event updated in place, one Garmin workout replaced.
        var v2 = Version(2, [.. v1.Sessions!.Select(s => s.Date == Today.AddDays(4) ? Vo2(4, repeats: 4, name: "VO2max 4x3") : s)]);
        await sync.DeliverAsync(v2, Guid.NewGuid());
        await SettledAsync(sync.Client);
        AssertCalendarsHold(v2, intervals, garmin, riderEvent, riderWorkout);
        Assert.Equal(writesBefore + 1, intervals.EventWrites);
        Assert.Equal(idsBefore, OurEvents(intervals).ToDictionary(e => (string)e["external_id"]!, e => (long)e["id"]!));
        Assert.Equal(garmin.Calendar.Count, garmin.Workouts.Count); // the replaced workout was deleted, not left in the library
        Assert.DoesNotContain(garmin.Calendar, e => e.Name == "VO2max 5x3" && e.Date == $"{Today.AddDays(4):yyyy-MM-dd}");

        // Undo: the session is as it was again.
        await sync.DeliverAsync(Version(3, v1.Sessions!), Guid.NewGuid());
        await SettledAsync(sync.Client);
        AssertCalendarsHold(v1, intervals, garmin, riderEvent, riderWorkout);
        Assert.Equal(writesBefore + 2, intervals.EventWrites);
        Assert.Equal( // the unchanged sessions kept their Garmin workouts throughout
            workoutsBefore.Where(w => !w.Key.Contains("VO2max 5x3")).OrderBy(w => w.Key).ToList(),
            garmin.Calendar.Where(e => e.Name != "VO2max 5x3" && e.WorkoutId != riderWorkout).Select(e => KeyValuePair.Create(e.Date + e.Name, e.WorkoutId)).OrderBy(w => w.Key).ToList());

        // Regenerate: other days, other sessions; what the plan no longer has goes.
        var v4 = Version(4, [Endurance(0, "Recovery spin", 45), Vo2(2, name: "VO2max on the club ride day"), Endurance(6, "Long ride", 240), Endurance(9)]);
        await sync.DeliverAsync(v4, Guid.NewGuid());
        await SettledAsync(sync.Client);
        AssertCalendarsHold(v4, intervals, garmin, riderEvent, riderWorkout);

        // A late delivery of an older version changes nothing.
        var writes = intervals.EventWrites;
        await sync.DeliverAsync(v2, Guid.NewGuid());
        await SettledAsync(sync.Client);
        AssertCalendarsHold(v4, intervals, garmin, riderEvent, riderWorkout);
        Assert.Equal(writes, intervals.EventWrites);

        // Off: our sessions leave the calendar, the rider's stay.
        await EnableAsync(sync.Client, "intervals_icu", false);
        await Eventually.WaitAsync(() => Task.FromResult(OurEvents(intervals).Count), n => n == 0, TimeSpan.FromSeconds(30));
        Assert.Empty(OurEvents(intervals));
        Assert.Equal("Club ride", (string)intervals.Events.Single()["name"]!);
    }

    [Fact]
    public async Task Failures_become_statuses_with_their_reason_and_are_retried_until_the_calendars_hold_the_plan()
    {
        await using var intervals = await FakeIntervalsIcu.StartAsync();
        await using var garmin = await FakeGarmin.StartAsync(activityCount: 0);
        await using var sync = await StartAsync("syncpushfail", intervals, garmin);
        var plan = Version(1, [Endurance(0), Vo2(1), Endurance(2, "Long endurance", 180), Vo2(3, name: "VO2max rejected")]);
        var rejectedKey = $"{Today.AddDays(3):yyyy-MM-dd}-1";
        intervals.RejectExternalId($"cyclingcoach-{rejectedKey}", "description: unparseable step");
        garmin.RejectWorkoutNamed("VO2max rejected");
        intervals.RateLimitNext(1);
        intervals.FailNextWrites(1);
        await sync.DeliverAsync(plan, Guid.NewGuid());
        await EnableAsync(sync.Client, "intervals_icu", true);
        await EnableAsync(sync.Client, "garmin", true);

        // A partial failure: the other sessions get through (after the 429's Retry-After and the 500's backoff), the
        // refused one stays failed with the calendar's reason and keeps being retried.
        var status = await Eventually.WaitAsync(() => StatusAsync(sync.Client),
            s => Sessions(s).All(x => x.Key == rejectedKey ? x.States.All(st => st.State == "failed") : x.States.All(st => st.State == "pushed") && x.States.Count == 2),
            TimeSpan.FromSeconds(60));
        var rejected = Sessions(status).Single(s => s.Key == rejectedKey).States;
        Assert.Contains(rejected, s => s.Target == "intervals_icu" && s.State == "failed" && s.Error!.Contains("422") && s.Error.Contains("unparseable step"));
        Assert.Contains(rejected, s => s.Target == "garmin" && s.State == "failed" && s.Error!.Contains("400") && s.Error.Contains("Invalid workout"));
        Assert.Equal(1, status.GetProperty("targets")[0].GetProperty("failed").GetInt32());
        Assert.Equal(3, OurEvents(intervals).Count);
        Assert.Equal(3, garmin.Calendar.Count);
        var attempts = await Eventually.WaitAsync(() => StatusAsync(sync.Client),
            s => Sessions(s).Single(x => x.Key == rejectedKey).States.All(st => st.Attempts >= 2), TimeSpan.FromSeconds(30));
        Assert.All(Sessions(attempts).Single(x => x.Key == rejectedKey).States, st => Assert.True(st.Attempts >= 2)); // retried with backoff

        // The rider fixes what was refused and asks for a retry: everything is on both calendars.
        intervals.RejectExternalId($"cyclingcoach-{rejectedKey}", null);
        garmin.RejectWorkoutNamed("VO2max rejected", reject: false);
        var retry = await sync.Client.PostAsJsonAsync("/api/sync/plan-push/retry", new { });
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await SettledAsync(sync.Client);
        AssertCalendarsHold(plan, intervals, garmin, null, null);

        // Garmin 5xx beyond its client's retries and a 429: statuses, the 429 with Garmin's cooldown as the next attempt.
        garmin.Knobs.ApiServerErrors = 100;
        var changed = Version(2, [.. plan.Sessions!.Select(s => s.Date == Today ? Endurance(0, "Endurance 60", 60) : s)]);
        await sync.DeliverAsync(changed, Guid.NewGuid());
        var serverError = await Eventually.WaitAsync(() => StatusAsync(sync.Client),
            s => Sessions(s).Single(x => x.Date == Today).States.Any(st => st.Target == "garmin" && st.State == "failed"), TimeSpan.FromSeconds(30));
        Assert.Contains("503", Sessions(serverError).Single(x => x.Date == Today).States.Single(st => st.Target == "garmin").Error);
        garmin.Knobs.ApiServerErrors = 0;
        await SettledAsync(sync.Client);
        AssertCalendarsHold(changed, intervals, garmin, null, null);

        garmin.Knobs.ApiRateLimited = true;
        var later = Version(3, [.. changed.Sessions!.Select(s => s.Date == Today ? Endurance(0, "Endurance 75", 75) : s)]);
        await sync.DeliverAsync(later, Guid.NewGuid());
        var limited = await Eventually.WaitAsync(() => StatusAsync(sync.Client),
            s => Sessions(s).Single(x => x.Date == Today).States.Any(st => st.Target == "garmin" && st.State == "failed"), TimeSpan.FromSeconds(30));
        var cooled = Sessions(limited).Single(x => x.Date == Today).States.Single(st => st.Target == "garmin");
        Assert.Contains("rate limiting", cooled.Error);
        Assert.True(cooled.NextAttemptAt > DateTimeOffset.UtcNow.AddSeconds(30), $"next attempt {cooled.NextAttemptAt} is not after Garmin's cooldown");
        Assert.Contains(Sessions(limited).Single(x => x.Date == Today).States, st => st.Target == "intervals_icu" && st.State == "pushed");
    }

    [Fact]
    public async Task What_a_dead_process_left_pending_is_pushed_by_the_next_one()
    {
        await using var intervals = await FakeIntervalsIcu.StartAsync();
        await using var garmin = await FakeGarmin.StartAsync(activityCount: 0);
        await using var sync = await StartAsync("syncpushrestart", intervals, garmin);
        await EnableAsync(sync.Client, "intervals_icu", true);
        intervals.FailNextWrites(1000);
        var plan = Version(1, [Endurance(0), Vo2(1), Endurance(3)]);
        await sync.DeliverAsync(plan, Guid.NewGuid());
        await Eventually.WaitAsync(() => StatusAsync(sync.Client),
            s => Sessions(s).All(x => x.States.Any(st => st.State == "failed")), TimeSpan.FromSeconds(30));
        await sync.StopHostAsync();

        intervals.FailNextWrites(0);
        await sync.StartHostAsync();
        await SettledAsync(sync.Client);
        AssertCalendarsHold(plan, intervals, null, null, null);
    }

    private static async Task<IsolatedSync> StartAsync(string prefix, FakeIntervalsIcu intervals, FakeGarmin garmin)
    {
        var sync = await IsolatedSync.StartAsync(prefix, new Dictionary<string, string?>
        {
            ["IntervalsIcu:BaseUrl"] = intervals.BaseUrl,
            ["IntervalsIcu:ApiKey"] = FakeIntervalsIcu.ApiKey,
            ["IntervalsIcu:AthleteId"] = FakeIntervalsIcu.AthleteId,
            ["Garmin:SsoBaseUrl"] = garmin.BaseUrl,
            ["Garmin:ApiBaseUrl"] = garmin.BaseUrl,
            ["Garmin:DiAuthBaseUrl"] = garmin.BaseUrl,
            ["Garmin:RetryBaseDelayMilliseconds"] = "20",
            ["Garmin:RetryMaxDelayMilliseconds"] = "100",
            ["Garmin:RequestsPerSecond"] = "0",
            ["Sync:PlanPush:PollSeconds"] = "0.3",
            ["Sync:PlanPush:RetryBaseSeconds"] = "1",
            ["Sync:PlanPush:RetryMaxSeconds"] = "2",
        });
        var connect = await sync.Client.PostAsJsonAsync("/api/sync/garmin/token", garmin.IssueTokens().PgcTokens());
        Assert.True(connect.IsSuccessStatusCode, await connect.Content.ReadAsStringAsync());
        return sync;
    }

    private static async Task EnableAsync(HttpClient client, string target, bool enabled)
    {
        var response = await client.PutAsJsonAsync($"/api/sync/plan-push/{target}", new { enabled });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/sync/plan-push");

    private sealed record TargetState(string Target, string State, string? Error, int Attempts, DateTimeOffset? NextAttemptAt);

    private sealed record Row(string Key, DateOnly Date, List<TargetState> States);

    private static List<Row> Sessions(JsonElement status) =>
    [
        .. status.GetProperty("sessions").EnumerateArray().Select(s => new Row(
            s.GetProperty("key").GetString()!,
            DateOnly.Parse(s.GetProperty("date").GetString()!),
            [
                .. s.GetProperty("statuses").EnumerateArray().Select(st => new TargetState(
                    st.GetProperty("target").GetString()!,
                    st.GetProperty("state").GetString()!,
                    st.GetProperty("error").GetString(),
                    st.GetProperty("attempts").GetInt32(),
                    st.GetProperty("nextAttemptAt").ValueKind == JsonValueKind.Null ? null : st.GetProperty("nextAttemptAt").GetDateTimeOffset())),
            ])),
    ];

    /// <summary>Waits until every session is pushed to every enabled calendar and nothing is left to remove.</summary>
    private static async Task SettledAsync(HttpClient client)
    {
        var status = await Eventually.WaitAsync(() => StatusAsync(client), s =>
        {
            var enabled = s.GetProperty("targets").EnumerateArray().Count(t => t.GetProperty("enabled").GetBoolean());
            return Sessions(s).All(x => x.States.Count == enabled && x.States.All(st => st.State == "pushed"));
        }, TimeSpan.FromSeconds(60));
        Assert.True(Sessions(status).All(x => x.States.All(st => st.State == "pushed")), status.ToString());
    }

    private static List<JsonObject> OurEvents(FakeIntervalsIcu intervals) =>
        [.. intervals.Events.Where(e => ((string?)e["external_id"])?.StartsWith("cyclingcoach-", StringComparison.Ordinal) == true)];

    /// <summary>From yesterday on, each calendar holds one entry per session of <paramref name="plan"/> on its date and
    /// with its name, nothing else of ours, and the rider's own entry untouched.</summary>
    private static void AssertCalendarsHold(PlanVersionCreated plan, FakeIntervalsIcu? intervals, FakeGarmin? garmin, long? riderEvent, long? riderWorkout)
    {
        var expected = plan.Sessions!.Where(s => s.Date >= Today.AddDays(-1))
            .Select(s => $"{s.Date:yyyy-MM-dd} {s.Name}").Order().ToList();
        if (intervals is not null)
        {
            var ours = OurEvents(intervals);
            Assert.Equal(expected, ours.Select(e => $"{((string)e["start_date_local"]!)[..10]} {(string)e["name"]!}").Order().ToList());
            Assert.All(ours, e => Assert.Equal("WORKOUT", (string)e["category"]!));
            var theirs = intervals.Events.Where(e => e["external_id"] is null).ToList();
            Assert.Equal(riderEvent is null ? [] : [riderEvent.Value], theirs.Select(e => (long)e["id"]!));
        }

        if (garmin is not null)
        {
            var ours = garmin.Calendar.Where(e => e.WorkoutId != riderWorkout).ToList();
            Assert.Equal(expected, ours.Select(e => $"{e.Date} {e.Name}").Order().ToList());
            if (riderWorkout is { } id)
            {
                Assert.Single(garmin.Calendar, e => e.WorkoutId == id);
            }
        }
    }
}
