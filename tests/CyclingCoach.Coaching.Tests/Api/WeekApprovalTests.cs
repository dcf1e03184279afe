using System.Net;
using System.Text.Json;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Plans;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>
/// A week at a glance through the real service: rides published on the bus (as Sync would) are reviewed by the
/// analysis worker, and the week's pending suggestions are approved as ONE plan version — what no longer fits stays
/// pending and is reported, threshold changes are left for their own decision — then the rest is rejected in one go.
/// </summary>
public sealed class WeekApprovalTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    /// <summary>Last week's Monday: every day of that week is past, whatever today is.</summary>
    private static readonly DateOnly Monday = CoachApi.ThisMonday().AddDays(-7);

    [Fact]
    public async Task Approving_the_week_applies_its_plan_changes_as_one_version_and_reports_what_is_left()
    {
        // Mon rest, Tue threshold 60, Wed endurance 60, Thu VO2max 60, Fri rest, Sat long 3 h, Sun endurance 90; twice.
        var v1 = await ReactionTestPlans.StoreAsync(fixture, ReactionTestPlans.Standard(Monday));

        // Monday's rest day ridden for 4 h (TSS 250: the next day easy), with a 20-minute best that offers an FTP (none
        // is set); Wednesday's endurance hour ridden as a 75-min race at IF 0.92 (the hard session: Thursday eased).
        var monday = await RideAsync(Monday, hours: 4, intensity: 0.79, meanMax: [new MeanMaxPoint(1200, 250)]);
        var wednesday = await RideAsync(Monday.AddDays(2), hours: 1.25, intensity: 0.92);
        var mondayReview = await ReviewAsync(monday);
        var wednesdayReview = await ReviewAsync(wednesday);
        Assert.Equal(Op("change_intensity", Monday.AddDays(1)), Operation(Assert.Single(Suggestions(mondayReview))));
        Assert.Equal(Op("change_intensity", Monday.AddDays(3)), Operation(Assert.Single(Suggestions(wednesdayReview))));

        // A chat proposal about Tuesday, made before the review changed it: it will no longer fit.
        var stale = await AddChatProposalAsync(Monday.AddDays(1), new PlanOperation(PlanOperationKind.ChangeIntensity, Monday.AddDays(1), WorkoutType: WorkoutType.Endurance));

        var week = await client.GetJsonAsync($"/api/coach/analyses/week/{Monday:yyyy-MM-dd}");
        var items = week.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count); // two reviews, the FTP estimate, the chat proposal
        Assert.Contains(items, i => i.GetProperty("analysisType").GetString() == "threshold_update" && !i.GetProperty("inApproveAll").GetBoolean());
        Assert.Contains("No longer fits", items.Single(i => i.GetProperty("analysisId").GetGuid() == stale).GetProperty("note").GetString());

        var approved = await client.PostJsonAsync($"/api/coach/analyses/week/{Monday:yyyy-MM-dd}/approve", null, HttpStatusCode.OK);
        var newPlanId = approved.GetProperty("newPlanId").GetGuid();
        Assert.Equal(2, approved.GetProperty("decided").GetArrayLength());
        Assert.Equal(2, approved.GetProperty("left").GetArrayLength());

        // One new version, parent v1, with both changes; both reviews approved; the rest still pending.
        var versions = await client.GetJsonAsync("/api/coach/plans/versions");
        Assert.Equal(2, versions.GetProperty("total").GetInt32());
        var v2 = await client.GetJsonAsync("/api/coach/plans/current");
        Assert.Equal(newPlanId, v2.GetProperty("id").GetGuid());
        Assert.Equal(v1.Id, v2.GetProperty("parentId").GetGuid());
        Assert.Equal($"week:{Monday:yyyy-MM-dd}", v2.GetProperty("createdBy").GetString());
        Assert.Equal("endurance", Workout(v2, Monday.AddDays(1)).GetProperty("type").GetString());
        Assert.Equal("endurance", Workout(v2, Monday.AddDays(3)).GetProperty("type").GetString());
        foreach (var id in new[] { Id(mondayReview), Id(wednesdayReview) })
        {
            var analysis = await client.GetJsonAsync($"/api/coach/analyses/{id}");
            Assert.Equal("approved", analysis.GetProperty("status").GetString());
            Assert.Equal(newPlanId, analysis.GetProperty("resultPlanVersionId").GetGuid());
        }

        Assert.Equal("pending", Suggestions(await client.GetJsonAsync($"/api/coach/analyses/{stale}"))[0].GetProperty("state").GetString());

        // Approving the week again changes nothing: what is left cannot be approved all at once.
        var again = await client.PostJsonAsync($"/api/coach/analyses/week/{Monday:yyyy-MM-dd}/approve", null, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, again.GetProperty("newPlanId").ValueKind);
        Assert.Equal(2, (await client.GetJsonAsync("/api/coach/plans/versions")).GetProperty("total").GetInt32());

        // Reject the rest: nothing pending in the week, the plan untouched, the FTP not adopted.
        var rejected = await client.PostJsonAsync($"/api/coach/analyses/week/{Monday:yyyy-MM-dd}/reject", new { reason = "not now" }, HttpStatusCode.OK);
        Assert.Equal(2, rejected.GetProperty("decided").GetArrayLength());
        Assert.Empty((await client.GetJsonAsync($"/api/coach/analyses/week/{Monday:yyyy-MM-dd}")).GetProperty("items").EnumerateArray());
        Assert.Equal(newPlanId, (await client.GetJsonAsync("/api/coach/plans/current")).GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, (await client.GetJsonAsync("/api/coach/athlete")).GetProperty("ftpWatts").ValueKind);

        // A week must start on a Monday.
        await client.GetJsonAsync($"/api/coach/analyses/week/{Monday.AddDays(1):yyyy-MM-dd}", HttpStatusCode.BadRequest);
        await client.PostJsonAsync($"/api/coach/analyses/week/{Monday.AddDays(2):yyyy-MM-dd}/approve", null, HttpStatusCode.BadRequest);
    }

    private async Task<Guid> RideAsync(DateOnly date, double hours, double intensity, IReadOnlyList<MeanMaxPoint>? meanMax = null)
    {
        var id = Guid.NewGuid();
        var tss = Math.Round(hours * 100 * intensity * intensity, 1);
        await fixture.Publisher.Publish(new WorkoutImported(id, WorkoutSource.File, null, "Ride", "cycling",
            new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), hours * 3600, hours * 30_000, 200 * intensity, 140,
            new WorkoutMetrics(250 * intensity, intensity, tss, null, 2000, 500, 250, null, tss, "power", meanMax)));
        return id;
    }

    private async Task<JsonElement> ReviewAsync(Guid workoutId)
    {
        var page = await Eventually.WaitAsync(
            () => client.GetJsonAsync($"/api/coach/analyses?workoutId={workoutId}&type=workout_review"),
            p => p.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("status").GetString() == "ready"),
            TimeSpan.FromSeconds(30));
        return page.GetProperty("items")[0];
    }

    private async Task<Guid> AddChatProposalAsync(DateOnly day, PlanOperation op)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var analysis = new Analysis
        {
            Type = AnalysisType.ChatProposal,
            Day = day,
            Status = AnalysisStatus.Ready,
            Engine = "llm",
            Suggestions = [new Suggestion("s1", SuggestionKind.PlanOperation, "Easy Tuesday, as you asked.", [], op)],
            CompletedAt = DateTime.UtcNow,
        };
        db.Analyses.Add(analysis);
        await db.SaveChangesAsync();
        return analysis.Id;
    }

    private static Guid Id(JsonElement analysis) => analysis.GetProperty("id").GetGuid();

    private static List<JsonElement> Suggestions(JsonElement analysis) => [.. analysis.GetProperty("suggestions").EnumerateArray()];

    private static (string, DateOnly) Operation(JsonElement suggestion) =>
        (suggestion.GetProperty("operation").GetProperty("kind").GetString()!, DateOnly.Parse(suggestion.GetProperty("operation").GetProperty("date").GetString()!));

    private static (string, DateOnly) Op(string kind, DateOnly date) => (kind, date);

    private static JsonElement Workout(JsonElement version, DateOnly date) => version.GetProperty("plan").GetProperty("weeks").EnumerateArray()
        .SelectMany(w => w.GetProperty("days").EnumerateArray()).Single(d => DateOnly.Parse(d.GetProperty("date").GetString()!) == date)
        .GetProperty("workouts")[0];
}

/// <summary>Plans stored the way every version is (PlanService.StoreAsync), for the reaction loop tests.</summary>
internal static class ReactionTestPlans
{
    /// <summary>Two weeks from <paramref name="monday"/>: Mon rest, Tue threshold 60, Wed endurance 60, Thu VO2max 60, Fri rest, Sat long 3 h, Sun endurance 90.</summary>
    public static TrainingPlan Standard(DateOnly monday) => Plan(monday, d => (d % 7) switch
    {
        1 => (WorkoutType.Threshold, 60),
        2 => (WorkoutType.Endurance, 60),
        3 => (WorkoutType.Vo2Max, 60),
        5 => (WorkoutType.LongRide, 180),
        6 => (WorkoutType.Endurance, 90),
        _ => null,
    });

    public static TrainingPlan Plan(DateOnly monday, Func<int, (WorkoutType Type, int Minutes)?> day, int weeks = 2) => new(monday, "test",
        Enumerable.Range(0, weeks).Select(w => new PlanWeek(w + 1, "test", Enumerable.Range(7 * w, 7)
            .Select(d => new PlanDay(monday.AddDays(d), day(d) is { } s ? [WorkoutLibrary.Build(s.Type, s.Minutes * 60)] : [])).ToList())).ToList());

    public static async Task<PlanVersion> StoreAsync(CoachingFixture fixture, TrainingPlan plan)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PlanService>().StoreAsync(plan, PlanOrigin.Generation, "test", null, null, CancellationToken.None);
        return stored.Version ?? throw new InvalidOperationException(string.Join("; ", stored.Violations));
    }
}
