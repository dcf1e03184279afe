using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Athletes;
using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Engines.Llm;
using CyclingCoach.Coaching.Tests.Ai;

namespace CyclingCoach.Coaching.Tests.Library;

/// <summary>The LLM coach chooses from the library: it is shown the sessions, answers with ids and scales, and a bad pick goes back for repair.</summary>
public sealed class LlmLibraryTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 12, 7);

    private static readonly PlanContext Context = new(new RuleSet { MaxHoursPerWeek = 9 }, new AthleteSnapshot(250, 72, 188, 168, 48),
        new FitnessSnapshot(55, 60, -5, 7.5, 420), new PlanGoals("climbing", 8), Monday, Weeks: 1);

    private FakeOpenAiServer server = null!;

    public async Task InitializeAsync() => server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    /// <summary>One week: sweet spot Tuesday (a pick), endurance Thursday (structured), long ride Saturday (a pick).</summary>
    private static PlanAnswer Answer(SessionAnswer tuesday) => new(Monday, "climbing",
    [
        new PlanAnswerWeek(1, "build", [.. Enumerable.Range(0, 7).Select(d => new PlanAnswerDay(Monday.AddDays(d), d switch
        {
            1 => [tuesday],
            3 => [SessionAnswer.From(WorkoutLibrary.Build(WorkoutType.Endurance, 3600))],
            5 => [new SessionAnswer("long-180")],
            _ => [],
        }))]),
    ]);

    [Fact]
    public async Task The_prompt_lists_the_library_and_picks_come_back_fitted_to_their_scale()
    {
        server.Reply(FakeReply.Content(CoachJson.Serialize(Answer(new SessionAnswer("sweet-spot-2x20", 1.25)))));
        await using var host = AiHost.Create(server);

        var plan = await host.Get<LlmCoachEngine>().GeneratePlanAsync(Context, CancellationToken.None);

        var sent = server.ChatRequests[0].MessageContents[^1];
        Assert.All(WorkoutCatalogue.All, w => Assert.Contains($"\"id\":\"{w.Id}\"", sent));
        var tuesday = Assert.Single(plan.Weeks[0].Days[1].Workouts);
        Assert.Equal(("sweet-spot-2x20", WorkoutType.SweetSpot, 88 * 60), (tuesday.LibraryId, tuesday.Type, tuesday.DurationSeconds)); // 70 min × 1.25
        Assert.Single(tuesday.Steps, s => s is { Kind: StepKind.Intervals, Repeat: 2, DurationSeconds: 1200, PowerHigh: 0.90 });
        Assert.Equal(WorkoutSteps.Tss(tuesday.Steps), tuesday.TargetTss);
        var saturday = Assert.Single(plan.Weeks[0].Days[5].Workouts);
        Assert.Equal(("long-180", WorkoutType.LongRide, 180 * 60), (saturday.LibraryId, saturday.Type, saturday.DurationSeconds));
        Assert.Null(Assert.Single(plan.Weeks[0].Days[3].Workouts).LibraryId);
    }

    [Fact]
    public async Task An_id_the_library_does_not_have_goes_back_for_repair_and_the_repaired_pick_is_taken()
    {
        server.Reply(
            FakeReply.Content(CoachJson.Serialize(Answer(new SessionAnswer("sweet-spot-9x99")))),
            FakeReply.Content(CoachJson.Serialize(Answer(new SessionAnswer("sweet-spot-3x12")))));
        await using var host = AiHost.Create(server);

        var plan = await host.Get<LlmCoachEngine>().GeneratePlanAsync(Context, CancellationToken.None);

        Assert.Equal("sweet-spot-3x12", plan.Weeks[0].Days[1].Workouts[0].LibraryId);
        Assert.Contains("weeks[0].days[1].workouts[0].libraryId: \"sweet-spot-9x99\" is not in the workout library", server.ChatRequests[1].MessageContents[^1]);
        Assert.Equal(AiCallOutcome.Repaired, Assert.Single(host.CallLog.Records).Outcome);
    }

    [Fact]
    public async Task A_bad_pick_twice_is_an_output_error_the_service_falls_back_from()
    {
        server.Otherwise = FakeReply.Content(CoachJson.Serialize(Answer(new SessionAnswer("threshold-2x20", 3))));
        await using var host = AiHost.Create(server);

        var e = await Assert.ThrowsAsync<AiOutputException>(() => host.Get<LlmCoachEngine>().GeneratePlanAsync(Context, CancellationToken.None));

        Assert.Equal(["weeks[0].days[1].workouts[0].scale: must be 0.5 to 2 (1 = the listed 66 min), not 3"], e.Errors);
    }

    [Fact]
    public void A_pick_with_steps_too_or_shorter_than_the_session_can_be_or_a_structured_workout_without_its_type_is_refused()
    {
        var steps = WorkoutLibrary.Build(WorkoutType.Endurance, 3600).Steps;

        Assert.Equal(["weeks[0].days[1].workouts[0]: give either libraryId and scale or a structured workout (steps), not both"],
            LlmAnswerChecks.Plan(Answer(new SessionAnswer("tempo-2x15", 1, Steps: steps)), Monday, 1));
        Assert.Equal(["weeks[0].days[1].workouts[0].scale: tempo-60 lasts at least 70 min, not the 50 min scale 0.5 asks for"],
            LlmAnswerChecks.Plan(Answer(new SessionAnswer("tempo-60", 0.5)), Monday, 1));
        Assert.Equal(["weeks[0].days[1].workouts[0]: a structured workout needs its type, name and description (or a libraryId)"],
            LlmAnswerChecks.Plan(Answer(new SessionAnswer(Name: "Ride", Zone: 2, Steps: steps, Description: "easy")), Monday, 1));
    }
}
