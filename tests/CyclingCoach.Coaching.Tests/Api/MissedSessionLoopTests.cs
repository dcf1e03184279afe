using System.Net;
using CyclingCoach.Coaching.Analyses;
using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Fitness;
using CyclingCoach.Coaching.Rules;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>
/// The daily missed-session check through the real service (its database, the bus, the approval API), run on chosen
/// days: a hard session nobody rode is offered once — moved to the next free day of its week with easy days around it,
/// or let go when its week has none left — however often the check runs, concurrently or after a restart (a new scope
/// is all a restarted process has: the offer's key row is in the database); a hard day that was ridden is the ride's
/// review's business; approving the move makes the next plan version.
/// </summary>
public sealed class MissedSessionLoopTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private static readonly DateOnly Monday = CoachApi.ThisMonday().AddDays(-14);
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task A_missed_hard_session_is_offered_once_and_approving_the_move_makes_the_next_version()
    {
        // Two weeks ago: Mon threshold (ridden), Tue threshold (missed), Wed–Sun rest; a week later, Sun threshold
        // (missed). The plan was made before all of it.
        var v1 = await ReactionTestPlans.StoreAsync(fixture, ReactionTestPlans.Plan(Monday, d => d is 0 or 1 or 13 ? (WorkoutType.Threshold, 60) : null, weeks: 3));
        await SqlAsync("UPDATE plans SET created_at = now() - interval '30 days'");
        await fixture.Publisher.Publish(new WorkoutImported(Guid.NewGuid(), WorkoutSource.File, null, "Threshold as planned", "cycling",
            new DateTimeOffset(Monday.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero), 3600, 30_000, 220, 150,
            new WorkoutMetrics(240, 0.96, 61, null, 800, 100, 250, null, 61, "power")));
        await Eventually.WaitAsync(() => CountAsync("SELECT count(*) FROM workouts"), n => n == 1, TimeSpan.FromSeconds(30));

        // Wednesday: Tuesday's session was missed. Two checks at once and one more later: one offer.
        var wednesday = Monday.AddDays(2);
        var runs = await Task.WhenAll(RunCheckAsync(wednesday), RunCheckAsync(wednesday));
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await RunCheckAsync(wednesday));

        var analysis = Assert.Single((await client.GetJsonAsync("/api/coach/analyses?type=missed_session")).GetProperty("items").EnumerateArray());
        Assert.Equal(Monday.AddDays(1), DateOnly.Parse(analysis.GetProperty("day").GetString()!));
        Assert.Equal(v1.Id, analysis.GetProperty("planVersionId").GetGuid());

        // Thursday is the next free day from tomorrow, with Wednesday and Friday easy beside it.
        var suggestion = Assert.Single(analysis.GetProperty("suggestions").EnumerateArray());
        Assert.Equal("replace", suggestion.GetProperty("operation").GetProperty("kind").GetString());
        Assert.Equal(Monday.AddDays(3), DateOnly.Parse(suggestion.GetProperty("operation").GetProperty("date").GetString()!));
        Assert.Equal("threshold", suggestion.GetProperty("operation").GetProperty("workout").GetProperty("type").GetString());

        var approved = await client.PostJsonAsync($"/api/coach/analyses/{analysis.GetProperty("id")}/approve", null, HttpStatusCode.OK);
        var v2 = await client.GetJsonAsync($"/api/coach/plans/{approved.GetProperty("newPlanId")}");
        Assert.Equal(v1.Id, v2.GetProperty("parentId").GetGuid());
        var thursday = v2.GetProperty("plan").GetProperty("weeks")[0].GetProperty("days")[3];
        Assert.Equal("threshold", thursday.GetProperty("workouts")[0].GetProperty("type").GetString());

        // The Monday after, the second week's Sunday session was missed: nothing of its week is left, so it is let go —
        // offered once, as a note with nothing to approve. Tuesday is not offered again.
        var nextMonday = Monday.AddDays(14);
        Assert.Equal(1, await RunCheckAsync(nextMonday));
        Assert.Equal(0, await RunCheckAsync(nextMonday));
        var missed = (await client.GetJsonAsync("/api/coach/analyses?type=missed_session")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, missed.Count);
        var sunday = missed.Single(a => DateOnly.Parse(a.GetProperty("day").GetString()!) == Monday.AddDays(13));
        Assert.Empty(sunday.GetProperty("suggestions").EnumerateArray());
        Assert.Contains("not made up", sunday.GetProperty("feedback").GetProperty("improvements")[0].GetProperty("text").GetString());
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM reaction_offers WHERE kind = 'missed_session'"));
    }

    /// <summary>The check as the schedule runs it, in its own scope, with "today" set.</summary>
    private async Task<int> RunCheckAsync(DateOnly today)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var clock = new CoachClock(new FixedTime(today));
        var db = services.GetRequiredService<CoachingDbContext>();
        var check = new MissedSessionCheck(db, new FitnessService(db, clock, services.GetRequiredService<IOptions<FitnessOptions>>()),
            services.GetRequiredService<RuleSetService>(), clock, NullLogger<MissedSessionCheck>.Instance);
        return await check.RunAsync(CancellationToken.None);
    }

    private async Task SqlAsync(string sql)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CoachingDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private Task<long> CountAsync(string sql) => fixture.Database.ScalarAsync<long>(sql);

    /// <summary>Noon UTC on a given day, in UTC.</summary>
    private sealed class FixedTime(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
